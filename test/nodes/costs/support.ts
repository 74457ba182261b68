import { Settings } from 'luxon';

import { validateRequest } from '../../contract/openapi';
import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer, RecordedRequest, SeedProject } from '../../openai-server';
import { nodeResult, runNode } from '../workflowHelpers';

/** Wednesday 18 March 2026, 15:30 UTC: mid-month and mid-day, so every preset has something to round. */
export const FIXED_NOW_MS = Date.UTC(2026, 2, 18, 15, 30, 0);
export const DAY_SECONDS = 86_400;

export const admin = { apiKey: ADMIN_KEY_ACME };
export const COSTS_PATH = '/v1/organization/costs';
export const USAGE_PATH = '/v1/organization/usage/completions';
export const PROJECTS_PATH = '/v1/organization/projects';

const nowSeconds = FIXED_NOW_MS / 1000;

/** Named projects, one archived last week: it spent money before, so its costs must still carry its name. */
export const SEED_PROJECTS: SeedProject[] = [
	{ name: 'Support Bot', created_at: nowSeconds - 400 * DAY_SECONDS },
	{ name: 'Search Ranking', created_at: nowSeconds - 300 * DAY_SECONDS },
	{ name: 'Old Pilot', created_at: nowSeconds - 200 * DAY_SECONDS, archived_at: nowSeconds - 5 * DAY_SECONDS },
	{ name: 'Marketing Copy', created_at: nowSeconds - 100 * DAY_SECONDS },
];

/** A server whose clock and seeded data stand at FIXED_NOW_MS, with 90 days of costs. */
export function reportServerOptions(projects: SeedProject[] | number = SEED_PROJECTS) {
	return { projects, seed: 11, costsDays: 90, now: () => FIXED_NOW_MS };
}

/** Fixes the clock the node reads (luxon's) for the duration of a test file. */
export function fixNodeClock(): void {
	beforeAll(() => {
		Settings.now = () => FIXED_NOW_MS;
	});
	afterAll(() => {
		Settings.now = () => Date.now();
	});
}

export function requestsTo(server: OpenAiTestServer, path: string): RecordedRequest[] {
	return server.requests.filter((request) => request.path === path);
}

/** Every request the node sent must be one the contract accepts. */
export function expectRequestsMatchContract(server: OpenAiTestServer): void {
	expect(server.requests.length).toBeGreaterThan(0);
	const problems = server.requests.flatMap((request) =>
		validateRequest(request.method, request.path, request.query, request.body),
	);
	expect(problems).toEqual([]);
}

export function unixSeconds(iso: string): string {
	return String(Date.parse(iso) / 1000);
}

/** Runs one OpenAI Projects node and answers its output items, failing with the node's error if it had one. */
export async function runReport(
	server: OpenAiTestServer,
	parameters: Record<string, unknown>,
): Promise<Array<Record<string, unknown>>> {
	const result = await runNode(server, { parameters, credential: admin });
	const node = nodeResult(result);
	if (node.error) throw new Error(`The node failed: ${node.error.message}\n${node.error.description ?? ''}`);
	return node.items;
}
