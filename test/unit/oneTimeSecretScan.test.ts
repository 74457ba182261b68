/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { inspect } from 'node:util';

import { scanOneTimeSecrets } from '../harness/key-scan';

const secret = `sk-svcacct-${'A1b2C3d4'.repeat(6)}`;
const print = (value: unknown) => inspect(value, { depth: 12, maxArrayLength: null, maxStringLength: null });

describe('the suite-wide scan of keys shown once', () => {
	test('a key in its "apiKeyShownOnce" output field is seen and allowed', () => {
		const { seen, stray } = scanOneTimeSecrets(print({ items: [{ id: 'svc_acct_1', apiKeyShownOnce: secret }] }));
		expect([...seen]).toEqual([secret]);
		expect(stray).toEqual([]);
	});

	test('a new Admin key is held to the same rule: its output field only', () => {
		const adminKey = `sk-admin-${'Z9y8X7w6'.repeat(6)}`;
		expect(scanOneTimeSecrets(print({ items: [{ id: 'key_1', apiKeyShownOnce: adminKey }] })).stray).toEqual([]);
		const { seen, stray } = scanOneTimeSecrets(print({ items: [{ apiKeyShownOnce: adminKey }], error: { description: `lost ${adminKey}` } }));
		expect([...seen]).toEqual([adminKey]);
		expect(stray).toEqual([expect.stringMatching(/^sk-\.\.\.X7w6 after/)]);
	});

	test.each([
		['an error message', { error: { message: `Create failed for ${secret}` } }],
		['a log line', { logs: [`sending ${secret}`] }],
		['another field of the item', { items: [{ apiKeyShownOnce: secret, copy: secret }] }],
	])('the same key in %s is reported, by fingerprint only', (_where, run) => {
		const { stray } = scanOneTimeSecrets(print(run));
		expect(stray).toHaveLength(1);
		expect(stray[0]).toMatch(/^sk-\.\.\.C3d4 after/);
		expect(stray[0]).not.toContain(secret);
	});
});
