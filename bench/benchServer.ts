import { startOpenAiTestServer } from '../test/openai-server';
import type { OpenAiTestServer, SeedProject } from '../test/openai-server';

export const LIST_PROJECTS_PATH = '/v1/organization/projects';
export const CHAT_COMPLETIONS_PATH = '/v1/chat/completions';

/**
 * A test server whose organization lists exactly `projects` active projects (its Default project included),
 * so that a full list is exactly ceil(projects / 100) pages. It runs in the bench's own process: the measured
 * clients run in child processes, so the server's state and its record of requests weigh on none of them.
 */
export async function startBenchServer(options: {
	projects?: number;
	latencyMs: number;
}): Promise<OpenAiTestServer> {
	const extra = Math.max(0, (options.projects ?? 1) - 1);
	const projects: SeedProject[] = Array.from({ length: extra }, (_, index) => ({
		name: `Bench project ${index + 1}`,
		status: 'active',
	}));
	return await startOpenAiTestServer({ projects, latencyMs: options.latencyMs });
}

export function countRequests(server: OpenAiTestServer, method: string, path: string): number {
	return server.requests.filter((request) => request.method === method && request.path === path).length;
}
