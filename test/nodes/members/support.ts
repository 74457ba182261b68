import { ORG_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The seeded Acme projects that are not the Default one and not archived. */
export function activeProjects(server: OpenAiTestServer) {
	return server.state.projects.filter((project) => project.organizationId === ORG_ACME && !project.isDefault && project.archivedAt === null);
}

export function membersOf(server: OpenAiTestServer, projectId: string) {
	return server.state.projectUsers.filter((member) => member.projectId === projectId);
}

/** Requests that changed something (anything but GET). */
export function changes(server: OpenAiTestServer) {
	return server.requests.filter((request) => request.method !== 'GET');
}
