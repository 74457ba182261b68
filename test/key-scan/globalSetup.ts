/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code: runs in plain Node, never inside n8n */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CONTRACT_COVERAGE_DIR_VARIABLE } from '../contract/coverage';
import { KEY_SCAN_DIR_VARIABLE } from '../harness/key-scan';

/** Workers inherit this variable, so every workflow run of the suite lands in one folder for the final scan. */
export default function startKeyScan(): void {
	process.env[KEY_SCAN_DIR_VARIABLE] = mkdtempSync(path.join(tmpdir(), 'openai-org-key-scan-'));
	// Every test server of the suite writes what it answered there, for the contract coverage.
	process.env[CONTRACT_COVERAGE_DIR_VARIABLE] = mkdtempSync(path.join(tmpdir(), 'openai-org-contract-coverage-'));
}
