/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- bench code: drives a real n8n from plain Node, never runs inside n8n */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const N8N_VERSION = '2.8.4';

/** Where scripts/install-n8n.sh puts the pinned n8n; the bench never installs it (5 minutes, 2.3 GB). */
export function installedN8nBinary(): string | undefined {
	const cacheRoot =
		process.env.N8N_CACHE_DIR ??
		path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'n8n-nodes-openai-org');
	const folder = path.join(cacheRoot, `n8n-${N8N_VERSION}`);
	const binary = path.join(folder, 'node_modules', '.bin', 'n8n');
	return existsSync(binary) && existsSync(path.join(folder, '.installed')) ? binary : undefined;
}
