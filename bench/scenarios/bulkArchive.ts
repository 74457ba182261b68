import { answersTo, startBenchServer } from '../benchServer';
import type { BenchConfig } from '../config';
import { measuredRun } from '../measuredRun';
import type { GoalCheck, ScenarioResult } from '../scenarioResult';
import type { LimitedRunFigures } from './chatUnderLimits';
import { figuresFromServer, LIMITED_COLUMNS, limitedRows } from './chatUnderLimits';

const ARCHIVE_PATH = /^\/v1\/organization\/projects\/[^/]+\/archive$/;

/**
 * Scenario 7: archive every project under the Admin API's limit per endpoint, whose 429s carry neither
 * Retry-After nor x-ratelimit headers. The window is scaled down (10 requests per 6 s instead of per minute),
 * so that a run takes 3 minutes instead of 30; the pacer is not told, it learns the limit from the 429s.
 */
export async function bulkArchive(config: BenchConfig): Promise<ScenarioResult> {
	const settings = config.bulkArchive;
	const idealMs = (settings.projects / settings.requestsPerWindow) * settings.windowMs;
	const server = await startBenchServer({
		projects: settings.projects + 1,
		latencyMs: settings.latencyMs,
		rateLimits: { admin: { requestsPerMinute: settings.requestsPerWindow, windowMs: settings.windowMs } },
	});
	const projectIds = server.state.projects.filter((project) => !project.isDefault).map((project) => project.id).slice(0, settings.projects);
	const figures: LimitedRunFigures[] = [];
	try {
		for (const [kind, label] of [
			['archiveWithNode', `OpenAI Projects → Archive (engine), Max Retries ${settings.maxRetries}`],
			['archiveWithLoop', `plain loop, retries 1 s doubling, up to ${settings.maxRetries}`],
		] as const) {
			server.reset();
			const outcome = await measuredRun({ kind, baseUrl: server.url, projectIds, maxRetries: settings.maxRetries });
			figures.push(figuresFromServer(label, answersTo(server, 'POST', ARCHIVE_PATH), outcome, idealMs));
		}
	} finally {
		await server.close();
	}
	const [node] = figures;
	const goals: GoalCheck[] = [
		{ goal: 'Projects node: every project archived', actual: `${node.answered} archived, ${node.failedItems} failed`, met: node.answered === settings.projects && node.failedItems === 0 },
		{ goal: 'Projects node: close to the limit (wall time within 10 % of the ideal)', actual: node.overIdeal.toFixed(3), met: node.overIdeal <= 1.1 },
	];
	return {
		id: 'bulkArchive',
		title: `7. Archive ${settings.projects} projects under the Admin API limit of ${settings.requestsPerWindow} requests per endpoint and window, window scaled to ${settings.windowMs / 1000} s (real: 60 s), no Retry-After, no x-ratelimit headers, 1 run`,
		columns: LIMITED_COLUMNS,
		rows: limitedRows(figures),
		goals,
		notes: [
			`Ideal: ${(idealMs / 1000).toFixed(0)} s = ${settings.projects} archives at ${settings.requestsPerWindow} per ${settings.windowMs / 1000} s. At the real window (60 s) every figure in time is 10 times longer: about ${((idealMs * 10) / 60_000).toFixed(0)} minutes ideal.`,
			`Max Retries ${settings.maxRetries} for both: every 429 is a retry of the refused item, and without Retry-After the first pauses double from 0.5 s until a place frees.`,
		],
		data: { idealMs, figures, settings },
	};
}
