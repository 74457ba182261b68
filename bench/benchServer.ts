import { startOpenAiTestServer } from '../test/openai-server';
import type { OpenAiTestServer, RateLimitSettings, SeedProject } from '../test/openai-server';

export const LIST_PROJECTS_PATH = '/v1/organization/projects';
export const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';
export const RESPONSES_PATH = '/v1/responses';

/**
 * A test server whose organization lists exactly `projects` active projects (its Default project included),
 * so that a full list is exactly ceil(projects / 100) pages. It runs in the bench's own process: the measured
 * clients run in child processes, so the server's state and its record of requests weigh on none of them.
 */
/**
 * Limits no client in the bench comes near: figures without limits measure the client, not the pacing (which
 * spaces requests even at the default 30,000 requests a minute).
 */
export const NO_RATE_LIMITS: RateLimitSettings = { model: { requestsPerMinute: 100_000_000, tokensPerMinute: 1_000_000_000_000 } };

export async function startBenchServer(options: {
	projects?: number;
	latencyMs: number;
	rateLimits?: RateLimitSettings;
}): Promise<OpenAiTestServer> {
	const extra = Math.max(0, (options.projects ?? 1) - 1);
	const projects: SeedProject[] = Array.from({ length: extra }, (_, index) => ({
		name: `Bench project ${index + 1}`,
		status: 'active',
	}));
	return await startOpenAiTestServer({
		projects,
		latencyMs: options.latencyMs,
		rateLimits: options.rateLimits ?? NO_RATE_LIMITS,
	});
}

export function countRequests(server: OpenAiTestServer, method: string, path: string): number {
	return server.requests.filter((request) => request.method === method && request.path === path).length;
}

/** The answers to one kind of request, by status, in the order they arrived. */
export function answersTo(server: OpenAiTestServer, method: string, path: RegExp | string) {
	return server.requests.filter(
		(request) => request.method === method && (typeof path === 'string' ? request.path === path : path.test(request.path)),
	);
}
