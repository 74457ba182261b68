/* eslint-disable @n8n/community-nodes/no-restricted-imports -- bench code: drives a real n8n from plain Node, never runs inside n8n */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { n8nInstallDir } from '../../test/harness/n8n-base-nodes';

/** Where scripts/install-n8n.sh puts the pinned n8n; the bench never installs it (5 minutes, 2.3 GB). */
export function installedN8nBinary(): string | undefined {
	const folder = n8nInstallDir();
	const binary = path.join(folder, 'node_modules', '.bin', 'n8n');
	return existsSync(binary) && existsSync(path.join(folder, '.installed')) ? binary : undefined;
}
