import { ADMIN_KEY_ACME, ORG_ACME, startOpenAiTestServer } from '../../openai-server';
import type { OpenAiTestServer, RecordedRequest } from '../../openai-server';
import { runNode } from '../workflowHelpers';

let server: OpenAiTestServer;
afterEach(async () => await server.close());

const times = (requests: RecordedRequest[]) => requests.map((request) => request.receivedAtMs).sort((a, b) => a - b);

describe('Admin API under its per-endpoint limit (429s without headers or Retry-After)', () => {
	test('archiving a dozen projects at 4 per second per endpoint: all archived, few 429s, no burst after one', async () => {
		server = await startOpenAiTestServer({ projects: 12, rateLimits: { admin: { requestsPerMinute: 4, windowMs: 1_000 } } });
		const acmeProjects = () => server.state.projects.filter((project) => project.organizationId === ORG_ACME && !project.isDefault);
		const projects = acmeProjects().filter((project) => project.archivedAt === null);
		const result = await runNode(server, {
			type: 'n8n-nodes-openai-org.openAiProjects',
			name: 'Projects',
			parameters: {
				resource: 'project',
				operation: 'archive',
				projectId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
				requestOptions: { maxRetries: 7 },
			},
			credential: { apiKey: ADMIN_KEY_ACME },
			inputItems: projects.map((project) => ({ id: project.id })),
		});

		expect(result.error).toBeUndefined();
		expect(result.finished).toBe(true);
		expect(acmeProjects().filter((project) => project.archivedAt === null)).toEqual([]);
		const archives = server.requests.filter((request) => request.path.endsWith('/archive'));
		const refusals = archives.filter((request) => request.status === 429);
		// Learning the limit costs a few refusals; without pacing every window would refuse again.
		expect(refusals.length).toBeLessThanOrEqual(6);
		expect(archives.filter((request) => request.status === 200)).toHaveLength(projects.length);
		for (const refusal of refusals) {
			const next = times(archives).filter((time) => time > refusal.receivedAtMs + 5);
			expect(next.filter((time) => time < refusal.receivedAtMs + 450)).toEqual([]);
		}
	});
});
