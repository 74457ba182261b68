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

/** A key the test server answers once: a service account's or an Admin key (sk-svcacct- or sk-admin- and 48 characters). */
const ONE_TIME_SECRET = /sk-(?:svcacct|admin)-[A-Za-z0-9]{20,}/g;
/** The only place such a key may be: the output field named for it, as util.inspect prints it. */
const SECRET_FIELD = "apiKeyShownOnce: '";

/**
 * One-time secrets in recorded runs: the distinct ones seen, and every place one appears outside its output field
 * (an error, a log line, another field), given as its fingerprint with the text just before it.
 */
export function scanOneTimeSecrets(text: string): { seen: Set<string>; stray: string[] } {
	const seen = new Set<string>();
	const stray: string[] = [];
	for (const match of text.matchAll(ONE_TIME_SECRET)) {
		seen.add(match[0]);
		const before = text.slice(Math.max(0, match.index - SECRET_FIELD.length), match.index);
		if (before !== SECRET_FIELD) {
			stray.push(`sk-...${match[0].slice(-4)} after "${text.slice(Math.max(0, match.index - 40), match.index).replace(/\s+/g, ' ')}"`);
		}
	}
	return { seen, stray };
}
