import { ADMIN_KEY_ACME, ORG_ACME, PROXY_PASSWORD, PROXY_USER } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';

const admin = { apiKey: ADMIN_KEY_ACME };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
/** Timeout 1 s, so that every fault below shows within seconds. */
const fast = (maxRetries: number) => ({ maxRetries, timeoutSeconds: 1 });

/**
 * Issue 22: a misbehaving network and careless settings, run as whole workflows through n8n-core. Each case was
 * seen to fail before the fix.
 */
describe('OpenAI Projects under a hostile network and careless settings', () => {
	let server: OpenAiTestServer;

	serveTestServer({ projects: 8, seed: 22 }, (started) => (server = started));

	const acmeProjects = () => server.state.projects.filter((project) => project.organizationId === ORG_ACME);
	const someProject = () => acmeProjects().find((project) => !project.isDefault && project.archivedAt === null)!;
	const getProject = (maxRetries: number) => ({
		resource: 'project',
		operation: 'get',
		projectId: byId(someProject().id),
		requestOptions: fast(maxRetries),
	});

	describe('a Base URL with a user name and password', () => {
		const withLogin = () => server.url.replace('http://', `http://${PROXY_USER}:${PROXY_PASSWORD}@`);

		it('is refused before any request, with the fix, and its password is never shown', async () => {
			server.faults.add({ kind: 'echo_auth', times: Infinity });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 1 },
				credential: { ...admin, baseUrl: withLogin() },
			});
			expect(server.requests).toHaveLength(0);
			expect(result.error?.message).toContain('The Base URL contains a user name or password');
			expect(result.error?.message).toContain(`http://${PROXY_USER}:***@127.0.0.1`);
			expect(result.error?.message).toMatch(/proxy settings/);
			expectNoFullKeyIn(result);
		});

		it('gives the refusal as an error item under Continue On Fail, password hidden', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 1 },
				credential: { ...admin, baseUrl: withLogin() },
				continueOnFail: true,
			});
			expect(server.requests).toHaveLength(0);
			expect(nodeResult(result).items[0].error).toEqual(expect.stringContaining('The Base URL contains a user name or password'));
			expectNoFullKeyIn(result);
		});
	});

	it('hides header values and keys that an answer repeats', async () => {
		server.faults.add({ kind: 'echo_auth' });
		const result = await runNode(server, { parameters: getProject(0), credential: admin });
		expect(result.error?.description).toContain('Authorization: Bearer ***');
		expectNoFullKeyIn(result);
	});

	describe('Timeout is a deadline for the whole answer', () => {
		it('stops an answer that trickles in one byte at a time, and says so', async () => {
			server.faults.add({ kind: 'trickle', byteMs: 50, times: Infinity });
			const started = Date.now();
			const result = await runNode(server, { parameters: getProject(0), credential: admin });
			expect(Date.now() - started).toBeLessThan(4_000);
			expect(result.error?.message).toBe("OpenAI's answer stalled: it was not complete after 1 s");
			expect(result.error?.description).not.toMatch(/UNKNOWN|Could not reach/);
			expect(server.requests).toHaveLength(1);
		}, 15_000);

		it('bounds every page of a list as well', async () => {
			server.faults.add({ kind: 'trickle', byteMs: 50, times: Infinity });
			const started = Date.now();
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: true, requestOptions: fast(1) },
				credential: admin,
			});
			expect(Date.now() - started).toBeLessThan(6_000);
			expect(result.error?.message).toBe("OpenAI's answer stalled: it was not complete after 1 s, after 1 retry");
			expect(server.requests).toHaveLength(2);
		}, 20_000);

		it('retries a stalled answer with the same backoff, and the retry succeeds', async () => {
			server.faults.add({ kind: 'stall' });
			const result = await runNode(server, { parameters: getProject(1), credential: admin });
			expect(result.error).toBeUndefined();
			expect(nodeResult(result).items).toEqual([expect.objectContaining({ id: someProject().id })]);
			expect(server.requests).toHaveLength(2);
		}, 15_000);

		it('names a stall that outlasts every retry, not as an unreachable OpenAI', async () => {
			server.faults.add({ kind: 'stall', times: Infinity });
			const result = await runNode(server, { parameters: getProject(1), credential: admin });
			expect(result.error?.message).toBe("OpenAI's answer stalled: it was not complete after 1 s, after 1 retry");
			expect(result.error?.description).toContain('Timeout (Seconds)');
			expect(result.error?.description).not.toMatch(/UNKNOWN|Could not reach/);
			expect(server.requests).toHaveLength(2);
		}, 15_000);
	});

	describe('a connection cut while the answer is read', () => {
		it('is retried, and the retry succeeds', async () => {
			server.faults.add({ kind: 'reset_mid_body' });
			const result = await runNode(server, { parameters: getProject(1), credential: admin });
			expect(result.error).toBeUndefined();
			expect(server.requests).toHaveLength(2);
		});

		it('is named for what happened when it keeps happening', async () => {
			server.faults.add({ kind: 'reset_mid_body', times: Infinity });
			const result = await runNode(server, { parameters: getProject(2), credential: admin });
			expect(result.error?.message).toBe('The connection was cut while reading the answer from OpenAI, after 2 retries');
			expect(result.error?.description).not.toMatch(/UNKNOWN|Could not reach/);
			expect(server.requests).toHaveLength(3);
		});

		it('on a create, finds the created project instead of creating it twice', async () => {
			server.faults.add({ kind: 'reset_mid_body', method: 'POST', path: '/organization/projects' });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'create', name: 'Cut Answer Project' },
				credential: admin,
			});
			expect(result.error).toBeUndefined();
			expect(nodeResult(result).items[0]).toEqual(
				expect.objectContaining({ name: 'Cut Answer Project', recoveredAfterLostResponse: true }),
			);
			expect(acmeProjects().filter((project) => project.name === 'Cut Answer Project')).toHaveLength(1);
		});
	});

	describe('pagination guards', () => {
		it('stops endless empty pages after a few requests, with a plain message', async () => {
			server.faults.add({ kind: 'empty_pages', path: '/organization/projects', method: 'GET', times: Infinity });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: true },
				credential: admin,
			});
			expect(server.requests.length).toBeLessThanOrEqual(3);
			expect(result.error?.message).toBe('OpenAI kept answering empty pages that say there is more, so the list was stopped');
			expect(result.error?.description).toContain('3 pages in a row');
		});

		it('costs a Limit 5 list a few requests, not 10,000, when pages stay empty', async () => {
			server.faults.add({ kind: 'empty_pages', path: '/organization/projects', method: 'GET', times: Infinity });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: false, limit: 5 },
				credential: admin,
			});
			expect(server.requests.length).toBeLessThanOrEqual(3);
			expect(result.error?.message).toBe('OpenAI kept answering empty pages that say there is more, so the list was stopped');
		});

		it('says plainly when a page says there is more but gives no cursor', async () => {
			server.faults.add({ kind: 'empty_pages', nullCursor: true, path: '/organization/projects', method: 'GET' });
			const result = await runNode(server, {
				parameters: { resource: 'project', operation: 'getAll', returnAll: true },
				credential: admin,
			});
			expect(result.error?.description).not.toContain('(nothing)');
			expect(result.error?.description).toContain('gave no cursor to continue from');
		});
	});

	it('says that OpenAI asked for an hour when its Retry-After is beyond what the node waits, and does not retry sooner', async () => {
		server.faults.add({ kind: 'rate_limit', retryAfterSeconds: 3_600, times: Infinity });
		const result = await runNode(server, { parameters: getProject(1), credential: admin });
		expect(result.error?.message).toContain("OpenAI's rate limit was reached");
		expect(result.error?.description).toContain('OpenAI asked to wait 1 hour');
		expect(server.requests).toHaveLength(1);
	}, 15_000);
});
