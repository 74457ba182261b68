import { DEFAULT_PROJECT_ACME, PROJECT_GLOBEX_ARCHIVED } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, nodeResult, runNode } from '../workflowHelpers';
import { serveTestServer } from '../testServer';
import { acmeAdmin, byId, globexAdmin } from './support';

describe('OpenAI Projects: model and hosted-tool permissions', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 2 }, (started) => (server = started));

	const run = (resource: string, operation: string, parameters: Record<string, unknown> = {}, continueOnFail = false) =>
		runNode(server, {
			parameters: { resource, operation, projectId: byId(DEFAULT_PROJECT_ACME), ...parameters },
			credential: acmeAdmin,
			continueOnFail,
		});
	const controls = () => server.state.projectControls[DEFAULT_PROJECT_ACME];

	describe('models', () => {
		it('reads the policy, replaces it with an allow list, and removes it', async () => {
			expect(nodeResult(await run('modelPermissions', 'get')).items[0]).toEqual({
				project_id: DEFAULT_PROJECT_ACME,
				object: 'project.model_permissions',
				mode: 'deny_list',
				model_ids: [],
			});
			const updated = await run('modelPermissions', 'update', { mode: 'allow_list', modelIds: ' gpt-4.1, gpt-4o-mini ,gpt-4.1' });
			expect(server.requests[1].body).toEqual({ mode: 'allow_list', model_ids: ['gpt-4.1', 'gpt-4o-mini'] });
			expect(nodeResult(updated).items[0]).toEqual(expect.objectContaining({ mode: 'allow_list', model_ids: ['gpt-4.1', 'gpt-4o-mini'] }));

			const dry = await run('modelPermissions', 'remove', { dryRun: true });
			expect(nodeResult(dry).items[0]).toEqual(expect.objectContaining({ dryRun: true, wouldRemove: true, mode: 'allow_list' }));
			expect(controls().modelPermissions.mode).toBe('allow_list');
			const removed = await run('modelPermissions', 'remove');
			expect(nodeResult(removed).items[0]).toEqual({ project_id: DEFAULT_PROJECT_ACME, object: 'project.model_permissions.deleted', deleted: true });
			expect(controls().modelPermissions).toEqual({ mode: 'deny_list', modelIds: [] });
			expectNoFullKeyIn(updated, removed);
		});

		it('refuses an empty allow list and a malformed ID before any request', async () => {
			expect((await run('modelPermissions', 'update', { mode: 'allow_list', modelIds: ' ' })).error?.message).toBe(
				'"Model IDs" is empty: an allow list of no models would block every model',
			);
			expect((await run('modelPermissions', 'update', { mode: 'deny_list', modelIds: 'gpt 4' })).error?.message).toBe(
				'"Model IDs" holds "gpt 4", which is not a model ID',
			);
			expect(server.requests).toHaveLength(0);
		});

		it("a model OpenAI does not know is refused with OpenAI's words", async () => {
			const result = await run('modelPermissions', 'update', { mode: 'deny_list', modelIds: 'gpt-9' });
			expect(result.error?.message).toBe('OpenAI rejected the request (parameter "model_ids")');
			expect(result.error?.description).toMatch(/the model 'gpt-9' does not exist/);
		});

		it('removing the policy of an archived project is refused in the check, before any change', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'modelPermissions', operation: 'remove', projectId: byId(PROJECT_GLOBEX_ARCHIVED) },
				credential: globexAdmin,
			});
			expect(result.error?.message).toBe(`Project ${PROJECT_GLOBEX_ARCHIVED} is archived, and archived projects cannot be changed`);
			expect(server.requests.some((request) => request.method === 'DELETE')).toBe(false);
		});
	});

	describe('hosted tools', () => {
		it('reads them, and sends only the tools switched', async () => {
			expect(nodeResult(await run('hostedToolPermissions', 'get')).items[0]).toEqual(
				expect.objectContaining({ project_id: DEFAULT_PROJECT_ACME, web_search: { enabled: true }, mcp: { enabled: true } }),
			);
			const updated = await run('hostedToolPermissions', 'update', { mcp: 'disable', webSearch: 'enable', fileSearch: 'unchanged' });
			expect(server.requests[1].body).toEqual({ mcp: { enabled: false }, web_search: { enabled: true } });
			expect(nodeResult(updated).items[0]).toEqual(expect.objectContaining({ mcp: { enabled: false }, code_interpreter: { enabled: true } }));
			expect(controls().hostedTools.mcp).toBe(false);
		});

		it('with every tool left unchanged, nothing is sent', async () => {
			const result = await run('hostedToolPermissions', 'update', {});
			expect(result.error?.message).toBe('Every tool is set to "Leave Unchanged": nothing to change');
			expect(server.requests).toHaveLength(0);
		});

		it('an archived project cannot be changed: with Continue On Fail it is an error item paired with its input', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'hostedToolPermissions', operation: 'update', projectId: byId(PROJECT_GLOBEX_ARCHIVED), codeInterpreter: 'disable' },
				credential: globexAdmin,
				continueOnFail: true,
			});
			const [item] = nodeResult(result).outputs[0];
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(String((item.json as { error?: unknown }).error)).toMatch(/is archived, and archived projects cannot be changed/);
		});
	});
});
