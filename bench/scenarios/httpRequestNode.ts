/* eslint-disable @n8n/community-nodes/no-restricted-imports -- bench code: drives a real n8n from plain Node, never runs inside n8n */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ADMIN_KEY_ACME } from '../../test/openai-server/fixtures';
import { countRequests, LIST_PROJECTS_PATH, startBenchServer } from '../benchServer';
import type { BenchConfig } from '../config';
import { formatCount, formatMb, formatSpread } from '../scenarioResult';
import type { ScenarioResult } from '../scenarioResult';
import { countOf, spreadOf } from '../stats';
import { executeInN8n } from './n8nExecute';
import type { N8nExecution } from './n8nExecute';
import { installedN8nBinary } from './n8nInstall';
import {
	benchCredentials,
	HTTP_WORKFLOW_ID,
	httpRequestWorkflow,
	NODE_WORKFLOW_ID,
	projectsNodeWorkflow,
} from './n8nWorkflows';

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

const VARIANTS = [
	{ label: 'HTTP Request + Split Out (n8n)', workflowId: HTTP_WORKFLOW_ID, lastNode: 'Split Out' },
	{ label: 'OpenAI Projects node', workflowId: NODE_WORKFLOW_ID, lastNode: 'OpenAI Projects' },
] as const;

interface VariantRun {
	execution: N8nExecution;
	requests: number;
	items: number;
}

function skipped(config: BenchConfig, reason: string): ScenarioResult {
	return {
		id: 'n8n',
		title: `4. List ${config.listProjects} projects inside the real n8n 2.8.4`,
		columns: [],
		rows: [],
		goals: [],
		notes: [],
		skipped: reason,
		data: { skipped: reason },
	};
}

/** Scenario 4: n8n's own HTTP Request pagination beside the Projects node, both inside the same real n8n. */
export async function httpRequestNodeInN8n(config: BenchConfig): Promise<ScenarioResult> {
	const binary = installedN8nBinary();
	if (!binary) return skipped(config, 'n8n 2.8.4 is not installed (run scripts/install-n8n.sh, about 5 minutes).');
	const lib = loadE2eLib();
	if (!existsSync(path.join(lib.packaging.REPO_ROOT, 'dist', 'nodes', 'OpenAiProjects', 'OpenAiProjects.node.js'))) {
		return skipped(config, 'the package is not built (run npm run build).');
	}

	const userFolder = mkdtempSync(path.join(os.tmpdir(), 'openai-org-bench-n8n-'));
	const server = await startBenchServer({ projects: config.listProjects, latencyMs: config.listLatencyMs });
	let tarball: string | undefined;
	const runs: Record<string, VariantRun[]> = Object.fromEntries(VARIANTS.map((variant) => [variant.workflowId, []]));
	try {
		tarball = await lib.packaging.packPackage();
		await lib.packaging.installCommunityPackage(userFolder, tarball);
		const n8n = await lib.n8n.createN8n({ binary, userFolder, encryptionKey: 'openai-org-bench-encryption-key' });
		await n8n.importCredentials(benchCredentials(server.url, ADMIN_KEY_ACME));
		await n8n.importWorkflows([httpRequestWorkflow(server.url), projectsNodeWorkflow()]);
		for (let run = 0; run < config.runs; run++) {
			for (const variant of VARIANTS) {
				server.clearRequests();
				const execution = await executeInN8n(binary, variant.workflowId, { cwd: userFolder, env: n8n.env });
				if (execution.parsed.status !== 'success') {
					throw new Error(
						`${variant.label} failed in n8n (exit ${execution.parsed.exitCode}): ${execution.parsed.error?.message ?? 'no run printed'}`,
					);
				}
				runs[variant.workflowId].push({
					execution,
					requests: countRequests(server, 'GET', LIST_PROJECTS_PATH),
					items: execution.parsed.itemsOf(variant.lastNode).length,
				});
			}
		}
	} finally {
		await server.close();
		rmSync(userFolder, { recursive: true, force: true });
		if (tarball) rmSync(path.dirname(tarball), { recursive: true, force: true });
	}

	const figures = VARIANTS.map((variant) => {
		const variantRuns = runs[variant.workflowId];
		return {
			label: variant.label,
			requests: countOf(variantRuns.map((run) => run.requests)),
			items: countOf(variantRuns.map((run) => run.items)),
			executionMs: spreadOf(variantRuns.map((run) => run.execution.executionMs)),
			processMs: spreadOf(variantRuns.map((run) => run.execution.processMs)),
			peakRssBytes: spreadOf(variantRuns.map((run) => run.execution.peakRssBytes)),
		};
	});
	const [http, node] = figures;
	const ratio = spreadOf(
		runs[NODE_WORKFLOW_ID].map(
			(run, index) => run.execution.executionMs / runs[HTTP_WORKFLOW_ID][index].execution.executionMs,
		),
	);
	return {
		id: 'n8n',
		title: `4. List ${config.listProjects} projects inside the real n8n 2.8.4 (n8n execute), ${config.listLatencyMs} ms latency, ${config.runs} runs`,
		columns: ['variant', 'requests', 'items', 'execution ms', 'n8n execute process ms', 'n8n RSS peak MB', 'vs HTTP Request'],
		rows: figures.map((figure) => [
			figure.label,
			formatCount(figure.requests),
			formatCount(figure.items),
			formatSpread(figure.executionMs),
			formatSpread(figure.processMs),
			formatMb(figure.peakRssBytes),
			figure === node ? formatSpread(ratio, 3) : '1',
		]),
		goals: [
			{
				goal: 'Projects node never slower than HTTP Request (execution time ratio <= 1)',
				actual: ratio.median.toFixed(3),
				met: ratio.median <= 1,
			},
			{
				goal: `both return all ${config.listProjects} projects`,
				actual: `${formatCount(http.items)} / ${formatCount(node.items)}`,
				met: http.items.value === config.listProjects && node.items.value === config.listProjects,
			},
		],
		notes: [
			'Execution ms is n8n\'s own startedAt → stoppedAt of the run; the process time adds n8n\'s CLI start-up.',
			'RSS peak is the n8n process\'s VmHWM (start-up included), polled every 100 ms.',
		],
		data: { figures, ratio },
	};
}
