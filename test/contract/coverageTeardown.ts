/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n; prints the coverage line */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	CONTRACT_COVERAGE_DIR_VARIABLE,
	COVERAGE_REPORT_FILE,
	coverageHeadline,
	summarizeCoverage,
} from './coverage';

/**
 * Sums up what every test server of the suite answered. Only a full run writes the report that
 * `npm run test:contract-coverage` reads: a run of a few test files would say far less than the suite does.
 */
export function finishContractCoverage(isFullRun: boolean): void {
	const folder = process.env[CONTRACT_COVERAGE_DIR_VARIABLE];
	if (!folder) return;
	const lines = readdirSync(folder).flatMap((file) => readFileSync(path.join(folder, file), 'utf8').split('\n'));
	rmSync(folder, { recursive: true, force: true });
	if (!isFullRun) return;
	const coverage = summarizeCoverage(lines);
	mkdirSync(path.dirname(COVERAGE_REPORT_FILE), { recursive: true });
	writeFileSync(COVERAGE_REPORT_FILE, `${JSON.stringify({ writtenAt: new Date().toISOString(), requests: lines.length, ...coverage }, null, '\t')}\n`);
	console.log(`Contract coverage: ${coverageHeadline(coverage)} (npm run test:contract-coverage lists the rest).`);
}
