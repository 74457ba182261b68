/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code: runs in plain Node, never inside n8n; prints the scan's result */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { KEY_SCAN_DIR_VARIABLE, RUN_SEPARATOR, scanOneTimeSecrets } from '../harness/key-scan';
import { ALL_FIXTURE_SECRETS, fingerprint } from '../openai-server/fixtures';
import { finishContractCoverage } from '../contract/coverageTeardown';

/** Runs whose output holds a key shown once (the service-account tests): a full run with fewer proves nothing. */
const FEWEST_ONE_TIME_SECRETS_EXPECTED = 3;

/** A handful of runs means the harness stopped recording, and a scan of nothing would prove nothing. */
const FEWEST_RUNS_EXPECTED = 50;

/**
 * The suite-wide check that no API key or password ever reaches a user: every output item, error (with its cause chain)
 * and log line of every workflow the suite ran is searched for every fixture key and password.
 */
export default function scanForLeakedKeys(): void {
	const folder = process.env[KEY_SCAN_DIR_VARIABLE];
	if (!folder) return;
	let runs = 0;
	const leaks: string[] = [];
	let runsWithOneTimeSecrets = 0;
	for (const file of readdirSync(folder)) {
		const text = readFileSync(path.join(folder, file), 'utf8');
		runs += text.split(RUN_SEPARATOR).length - 1;
		for (const secret of ALL_FIXTURE_SECRETS) {
			if (text.includes(secret)) leaks.push(`${fingerprint(secret)} in ${file}`);
		}
		// A key shown once may be in its output field "apiKeyShownOnce" and nowhere else.
		for (const run of text.split(RUN_SEPARATOR)) {
			const { seen, stray } = scanOneTimeSecrets(run);
			if (seen.size > 0) runsWithOneTimeSecrets++;
			leaks.push(...stray.map((place) => `one-time key ${place} in ${file}`));
		}
	}
	rmSync(folder, { recursive: true, force: true });
	const isFullRun = !process.argv.some((argument) => argument.endsWith('.ts') || argument.startsWith('test/'));
	finishContractCoverage(isFullRun);
	if (leaks.length) throw new Error(`A full API key or password reached a user-visible output, error or log: ${leaks.join(', ')}`);
	if (isFullRun && runs < FEWEST_RUNS_EXPECTED) {
		throw new Error(`The key scan saw only ${runs} workflow runs; the harness no longer records them.`);
	}
	if (isFullRun && runsWithOneTimeSecrets < FEWEST_ONE_TIME_SECRETS_EXPECTED) {
		throw new Error(`The key scan saw one-time service-account and Admin keys in only ${runsWithOneTimeSecrets} runs; the tests that create them no longer run.`);
	}
	console.log(`\nKey scan: ${runs} workflow runs searched for ${ALL_FIXTURE_SECRETS.length} fixture keys and passwords, none found; ${runsWithOneTimeSecrets} runs with one-time service-account and Admin keys, each only in its "apiKeyShownOnce" output field.`);
}
