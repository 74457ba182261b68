import { ADMIN_KEY_ACME, ADMIN_KEY_GLOBEX, ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';

export const acmeAdmin = { apiKey: ADMIN_KEY_ACME };
export const globexAdmin = { apiKey: ADMIN_KEY_GLOBEX };
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The seeded Acme projects that are active, oldest first. */
export function activeAcmeProjects(server: OpenAiTestServer) {
	return server.state.projects.filter((project) => project.organizationId === ORG_ACME && project.archivedAt === null);
}

/** What the server recorded, as "METHOD path" lines without /v1. */
export function requestLines(server: OpenAiTestServer): string[] {
	return server.requests.map((request) => `${request.method} ${request.path.replace(/^\/v1/, '')}`);
}
