/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code: runs in plain Node, never inside n8n */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

import type { WorkflowRunResult } from './types';

/** Set by jest's global setup: every run of the suite is written there for the suite-wide key scan. */
export const KEY_SCAN_DIR_VARIABLE = 'OPENAI_ORG_KEY_SCAN_DIR';
export const RUN_SEPARATOR = '\n=== workflow run ===\n';

export function recordForKeyScan<T extends WorkflowRunResult | object>(result: T): T {
	const folder = process.env[KEY_SCAN_DIR_VARIABLE];
	if (folder) {
		const everything = inspect(result, { depth: 12, maxArrayLength: null, maxStringLength: null });
		appendFileSync(path.join(folder, `${process.pid}.log`), RUN_SEPARATOR + everything);
	}
	return result;
}
