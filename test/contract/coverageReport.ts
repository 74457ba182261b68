/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n; prints the report */
import { existsSync, readFileSync } from 'node:fs';

import { COVERAGE_REPORT_FILE, coverageHeadline, type ContractCoverage } from './coverage';

/**
 * `npm run test:contract-coverage [-- --min=<percent>]`: what the last full `npm test` sent to the test server,
 * held against OpenAI's contract. Exits 1 below --min (default 0: report only) or when no full run left a report.
 */
function main(argv: string[]): number {
	const min = Number(argv.find((arg) => arg.startsWith('--min='))?.slice('--min='.length) ?? 0);
	if (!existsSync(COVERAGE_REPORT_FILE)) {
		console.error(`No contract coverage yet: run the whole suite once (npm test); it writes ${COVERAGE_REPORT_FILE}.`);
		return 1;
	}
	const report = JSON.parse(readFileSync(COVERAGE_REPORT_FILE, 'utf8')) as ContractCoverage & { writtenAt: string; requests: number };
	const percent = (100 * report.exercised.length) / report.operations;
	console.log(`${coverageHeadline(report)} (${percent.toFixed(1)} %; ${report.requests} requests of the full run at ${report.writtenAt}).`);
	if (report.missing.length) {
		console.log(`\nNot exercised (${report.missing.length}):`);
		for (const name of report.missing) console.log(`  ${name}${report.onlyErrors.includes(name) ? '   (sent, but never answered 2xx)' : ''}`);
	}
	if (report.outsideContract.length) {
		console.log(`\nSent but not in the contract (${report.outsideContract.length}): ${report.outsideContract.join(', ')}`);
	}
	if (percent < min) {
		console.error(`\nContract coverage ${percent.toFixed(1)} % is below the required ${min} %.`);
		return 1;
	}
	return 0;
}

process.exitCode = main(process.argv.slice(2));
