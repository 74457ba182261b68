/* eslint-disable @n8n/community-nodes/no-restricted-imports -- bench code: drives a real n8n from plain Node, never runs inside n8n */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { executeInN8n } from './n8nExecute';
import type { N8nExecution } from './n8nExecute';
import { installedN8nBinary } from './n8nInstall';

interface E2eLib {
	packaging: {
		REPO_ROOT: string;
		packPackage: () => Promise<string>;
		installCommunityPackage: (userFolder: string, tarball: string) => Promise<string>;
	};
	n8n: {
		createN8n: (options: { binary: string; userFolder: string; encryptionKey: string }) => Promise<{
			env: NodeJS.ProcessEnv;
			importCredentials: (entries: unknown[]) => Promise<void>;
			importWorkflows: (entries: unknown[]) => Promise<void>;
		}>;
	};
}

function loadE2eLib(): E2eLib {
	/* eslint-disable @typescript-eslint/no-require-imports */
	return {
		packaging: require('../../test/e2e/lib/packaging.js') as E2eLib['packaging'],
		n8n: require('../../test/e2e/lib/n8n.js') as E2eLib['n8n'],
	};
	/* eslint-enable @typescript-eslint/no-require-imports */
}

export interface N8nSession {
	/** `n8n execute` of an imported workflow; throws unless n8n reports success. */
	execute(workflowId: string, label: string): Promise<N8nExecution>;
}

/** Why the real n8n cannot run here, or undefined when it can. */
export function n8nUnavailable(): string | undefined {
	if (!installedN8nBinary()) return 'n8n 2.8.4 is not installed (run scripts/install-n8n.sh, about 5 minutes).';
	const root = loadE2eLib().packaging.REPO_ROOT;
	if (!existsSync(path.join(root, 'dist', 'nodes', 'OpenAiProjects', 'OpenAiProjects.node.js'))) {
		return 'the package is not built (run npm run build).';
	}
	return undefined;
}

/**
 * The packed package installed into a fresh user folder of the pinned n8n, with these credentials and
 * workflows imported, as the end-to-end suite does it; removed again afterwards.
 */
export async function withN8n<T>(
	setup: { credentials: unknown[]; workflows: unknown[] },
	run: (session: N8nSession) => Promise<T>,
): Promise<T> {
	const binary = installedN8nBinary();
	if (!binary) throw new Error(n8nUnavailable());
	const lib = loadE2eLib();
	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'openai-org-bench-n8n-'));
	let tarball: string | undefined;
	try {
		tarball = await lib.packaging.packPackage();
		await lib.packaging.installCommunityPackage(userFolder, tarball);
		const n8n = await lib.n8n.createN8n({ binary, userFolder, encryptionKey: 'openai-org-bench-encryption-key' });
		await n8n.importCredentials(setup.credentials);
		await n8n.importWorkflows(setup.workflows);
		return await run({
			execute: async (workflowId, label) => {
				const execution = await executeInN8n(binary, workflowId, { cwd: userFolder, env: n8n.env });
				if (execution.parsed.status !== 'success') {
					throw new Error(
						`${label} failed in n8n (exit ${execution.parsed.exitCode}): ${execution.parsed.error?.message ?? 'no run printed'}`,
					);
				}
				return execution;
			},
		});
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}
