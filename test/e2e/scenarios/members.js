'use strict';
/**
 * A project's service account inside a real n8n: its API key, answered once by OpenAI, reaches the output item under
 * "apiKeyShownOnce" and nowhere else n8n prints (its log lines, the rest of the run), nor the test server's recordings.
 */
const { itemsJson, why, succeeded } = require('../lib/expectations');

const ONE_TIME_SECRET = /sk-svcacct-[A-Za-z0-9]{20,}/g;

module.exports = [
	{
		workflow: 'members-service-account-key.json',
		verify({ run, requests, check, F }) {
			check('Service Account → Create runs in n8n', succeeded(run), why(run));
			const [account] = itemsJson(run, 'Create Service Account');
			const secret = account?.apiKeyShownOnce ?? '';
			check('the new key is in the output item once, under "apiKeyShownOnce"', /^sk-svcacct-[A-Za-z0-9]{48}$/.test(secret) && account.projectId === F.DEFAULT_PROJECT_ACME && account.api_key === undefined, JSON.stringify(Object.keys(account ?? {})));
			const printed = run.stdout + run.stderr;
			const stray = [...printed.matchAll(ONE_TIME_SECRET)].filter((match) => !/"apiKeyShownOnce":\s*"$/.test(printed.slice(Math.max(0, match.index - 30), match.index)));
			check("n8n's output holds the key only in that field", secret !== '' && stray.length === 0, `${stray.length} other places`);
			check('the test server recorded no full service-account key', !/sk-svcacct-[A-Za-z0-9]{20,}/.test(JSON.stringify(requests)));
			const keys = itemsJson(run, 'Its Keys');
			const listed = keys.find((key) => key.id === account?.apiKeyId);
			check('the key list shows the new key redacted, owned by the service account, never used', listed?.ownerType === 'service_account' && listed.last_used_at === null && listed.redacted_value === `sk-svcacct-****${secret.slice(-4)}` && !JSON.stringify(keys).includes(secret), JSON.stringify(listed ?? {}));
		},
	},
];
