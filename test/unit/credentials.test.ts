/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: the keys are fake fixtures */
import {
	findCredentialProblem,
	keyKind,
	loadCredentials,
	readCredentialValues,
} from '../../nodes/shared/transport/credentials';
import type { OpenAiFunctions } from '../../nodes/shared/transport/http';
import { keyFingerprint, redactSecrets } from '../../nodes/shared/transport/redact';

const valid = { apiKey: 'sk-admin-abcdefghijklmnopqrstuvwxyz0123', organizationId: '', projectId: '', baseUrl: 'https://api.openai.com/v1' };

describe('credential values', () => {
	it('trims every value and drops a trailing slash from the base URL', () => {
		expect(
			readCredentialValues({ apiKey: '  sk-abc \n', organizationId: ' org-Abc ', projectId: ' proj_1 ', baseUrl: ' http://127.0.0.1:1/v1/ ' }),
		).toEqual({ apiKey: 'sk-abc', organizationId: 'org-Abc', projectId: 'proj_1', baseUrl: 'http://127.0.0.1:1/v1' });
	});

	it('falls back to the OpenAI API when no base URL is given', () => {
		expect(readCredentialValues({ apiKey: 'sk-x' }).baseUrl).toBe('https://api.openai.com/v1');
	});

	it('accepts a well-formed credential', () => {
		expect(findCredentialProblem(valid)).toBeUndefined();
		expect(findCredentialProblem({ ...valid, organizationId: 'org-AbC123', projectId: 'proj_AbC123' })).toBeUndefined();
	});

	it.each([
		[{ apiKey: '' }, 'no API Key'],
		[{ apiKey: 'sk-abc def' }, 'spaces or line breaks'],
		[{ organizationId: 'acme' }, 'not an organization ID'],
		[{ organizationId: 'proj_abc' }, 'not an organization ID'],
		[{ projectId: 'org-abc' }, 'not a project ID'],
		[{ baseUrl: 'api.openai.com/v1' }, 'not an http(s) address'],
		[{ baseUrl: 'ftp://example.com' }, 'not an http(s) address'],
	])('refuses %j before any request: "%s"', (change, expected) => {
		expect(findCredentialProblem({ ...valid, ...change })).toContain(expected);
	});

	it('tells the kinds of key apart by their prefix', () => {
		expect(keyKind('sk-admin-x')).toBe('admin');
		expect(keyKind('sk-proj-x')).toBe('project');
		expect(keyKind('sk-svcacct-x')).toBe('service account');
		expect(keyKind('sk-x')).toBe('user');
	});

	it('shows a key only as a fingerprint of its last four characters', () => {
		expect(keyFingerprint('sk-admin-abcdefghijklmnopqrstuvwxyz0123')).toBe('sk-...0123');
		expect(keyFingerprint('sk-proj-abcdefghijklmnopqrstuvwxyzWXYZ')).toBe('sk-...WXYZ');
		expect(keyFingerprint('')).toBe('(no key)');
	});

	it('redacts the given key and anything shaped like an OpenAI key from a text', () => {
		const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz9876';
		const other = 'sk-ABCDEFGHIJKLMNOPQRSTUVWX1111';
		const text = redactSecrets(`used ${key} and ${other}`, key);
		expect(text).toBe('used sk-...9876 and sk-...1111');
		expect(text).not.toContain(key);
	});
});

describe('the credential is read once per node run', () => {
	function nodeRun(answers: Array<() => Promise<Record<string, unknown>>>) {
		const reads: number[] = [];
		const context = {
			getNode: () => ({ name: 'Chat', type: 'n8n-nodes-openai-org.openAiOrgChat', typeVersion: 1, credentials: { openAiOrgApi: { id: 'c1', name: 'Key' } } }),
			getCredentials: async (_type: string, itemIndex: number) => {
				reads.push(itemIndex);
				return await answers[Math.min(reads.length - 1, answers.length - 1)]();
			},
		} as unknown as OpenAiFunctions;
		return { context, reads };
	}

	it('asks n8n once for all the items of a run, and hands each caller its own copy', async () => {
		const { context, reads } = nodeRun([async () => ({ ...valid })]);
		const loaded = await Promise.all([0, 1, 2, 3].map((itemIndex) => loadCredentials.call(context, itemIndex)));
		expect(reads).toEqual([0]);
		expect(loaded.map((one) => one.values.apiKey)).toEqual(Array(4).fill(valid.apiKey));
		loaded[0].decrypted.data!.organizationId = 'org-Changed';
		expect(loaded[1].decrypted.data?.organizationId).toBe('');
	});

	it('asks again in the next run (another context)', async () => {
		const first = nodeRun([async () => ({ ...valid })]);
		await loadCredentials.call(first.context, 0);
		const second = nodeRun([async () => ({ ...valid, apiKey: 'sk-proj-second0000000000000000000000' })]);
		expect((await loadCredentials.call(second.context, 0)).values.apiKey).toBe('sk-proj-second0000000000000000000000');
	});

	it('does not keep a read that failed, and names the item of a credential problem', async () => {
		const { context, reads } = nodeRun([
			async () => {
				throw new Error('database unavailable');
			},
			async () => ({ ...valid, apiKey: '' }),
		]);
		await expect(loadCredentials.call(context, 0)).rejects.toThrow('database unavailable');
		await expect(loadCredentials.call(context, 5)).rejects.toMatchObject({ message: expect.stringContaining('no API Key'), context: { itemIndex: 5 } });
		expect(reads).toEqual([0, 5]);
	});
});
