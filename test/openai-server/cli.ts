/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code: runs in plain Node, never inside n8n */
import { parseCliOptions } from './cliOptions';
import * as F from './fixtures';
import { startOpenAiTestServer } from './server';

const KEYS = {
	ADMIN_KEY_ACME: F.ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX: F.ADMIN_KEY_GLOBEX,
	PROJECT_KEY_ACME: F.PROJECT_KEY_ACME,
	USER_KEY_MULTI: F.USER_KEY_MULTI,
	USER_KEY_ACME_ONLY: F.USER_KEY_ACME_ONLY,
	USER_KEY_NO_ORG: F.USER_KEY_NO_ORG,
	BAD_KEY: F.BAD_KEY,
};

/**
 * Keys print as fingerprints (the team rule for any output); `--show-keys` prints the fake fixture keys in full
 * for a demo that has no other way to read fixtures.ts.
 */
function describeFixtures(showKeys: boolean): string[] {
	return [
		`organizations: ${F.ORG_ACME} (${F.ORG_ACME_NAME}, default project ${F.DEFAULT_PROJECT_ACME}), ${F.ORG_GLOBEX} (${F.ORG_GLOBEX_NAME}, default project ${F.DEFAULT_PROJECT_GLOBEX})`,
		...Object.entries(KEYS).map(([name, key]) => `${name}=${showKeys ? key : F.fingerprint(key)}`),
		...(showKeys
			? []
			: ['full fixture keys: test/openai-server/fixtures.ts (or run with --show-keys)']),
	];
}

async function main() {
	const args = process.argv.slice(2);
	const showKeys = args.includes('--show-keys');
	const server = await startOpenAiTestServer(
		parseCliOptions(args.filter((arg) => arg !== '--show-keys')),
	);
	process.stdout.write(
		`OpenAI test server listening on ${server.url}\n${describeFixtures(showKeys).join('\n')}\n`,
	);
	const stop = () => {
		void server.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
