import { FT_MODEL_ACME, FT_MODEL_ACME_SUPPORT, ORG_ACME, PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { NODE_NAME, expectNoFullKeyIn, model, runChat, serveTestServer, userMessage } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const credential = { apiKey: PROJECT_KEY_ACME };
const locator = (id: string) => ({ __rl: true, mode: 'id', value: id });

async function complete(text: string, options: Record<string, unknown>) {
	const result = await runChat(server, { credential, parameters: { messages: userMessage(text), options } });
	expect(result.finished).toBe(true);
	return result.nodes[NODE_NAME].items[0];
}

describe('stored chat completions (Chat > Get Many)', () => {
	test('completions sent with "Store" and metadata are listed, filtered by metadata and newest first; unstored ones are not', async () => {
		await complete('not kept', {});
		const first = await complete('first', { store: true, metadata: '{"team": "support"}' });
		await complete('other team', { store: true, metadata: '{"team": "sales"}' });
		const third = await complete('third', { store: true, metadata: { team: 'support' } });

		const result = await runChat(server, {
			credential,
			parameters: {
				operation: 'getAll',
				returnAll: true,
				filters: { metadata: { pairs: [{ key: 'team', value: 'support' }] }, order: 'desc' },
			},
		});

		expect(result.finished).toBe(true);
		const listed = result.nodes[NODE_NAME].items;
		expect(listed.map((item) => item.id)).toEqual([third.id, first.id]);
		expect(listed[0]).toMatchObject({ object: 'chat.completion', metadata: { team: 'support' }, model: 'gpt-4o-mini' });
		const list = server.requests.filter((request) => request.method === 'GET' && request.path === '/v1/chat/completions');
		expect(list.map((request) => request.query)).toEqual([{ 'metadata[team]': 'support', order: 'desc', limit: '100' }]);
		expectNoFullKeyIn(result, server.requests);
	});

	test('a Limit asks for a page of its size and reads no further page', async () => {
		for (const text of ['one', 'two', 'three']) await complete(text, { store: true });
		const result = await runChat(server, { credential, parameters: { operation: 'getAll', limit: 2, filters: { model: 'gpt-4o-mini' } } });

		expect(result.nodes[NODE_NAME].items.map((item) => (item.choices as Array<{ message: { content: string } }>)[0].message.content)).toEqual([
			'Echo (gpt-4o-mini): one',
			'Echo (gpt-4o-mini): two',
		]);
		const list = server.requests.filter((request) => request.path === '/v1/chat/completions' && request.method === 'GET');
		expect(list.map((request) => request.query)).toEqual([{ model: 'gpt-4o-mini', limit: '2' }]);
	});

	test('a workflow saved before these operations still completes a chat, and sends no new field', async () => {
		const result = await runChat(server, { credential, parameters: { model: model('gpt-4o'), messages: userMessage('hi') } });
		expect(result.nodes[NODE_NAME].items[0]).toMatchObject({ content: 'Echo (gpt-4o): hi', service_tier: 'default' });
		expect(server.requests.map((request) => request.body)).toEqual([{ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }]);
	});
});

describe('models', () => {
	test('Get answers a model as OpenAI describes it; an unknown one fails with its name', async () => {
		const found = await runChat(server, { credential, parameters: { resource: 'model', operation: 'get', modelId: locator('gpt-4o-mini') } });
		expect(found.nodes[NODE_NAME].items).toEqual([{ id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' }]);

		const missing = await runChat(server, {
			credential,
			continueOnFail: true,
			parameters: { resource: 'model', operation: 'get', modelId: locator('gpt-9-turbo') },
		});
		expect(missing.nodes[NODE_NAME].items[0]).toMatchObject({ httpCode: '404', error: expect.stringMatching(/gpt-9-turbo/) });
	});

	test('Get Many lists the fine-tuned models only when asked', async () => {
		const result = await runChat(server, { credential, parameters: { resource: 'model', operation: 'getAll', fineTunedOnly: true } });
		expect(result.nodes[NODE_NAME].items.map((item) => item.id)).toEqual([FT_MODEL_ACME, FT_MODEL_ACME_SUPPORT].sort());
		expect(result.nodes[NODE_NAME].items[0].owned_by).toBe(ORG_ACME);
	});

	test('Delete in Dry Run puts out the plan and deletes nothing; live it deletes the fine-tuned model', async () => {
		const parameters = { resource: 'model', operation: 'delete', modelId: locator(FT_MODEL_ACME), reason: 'replaced by v2' };
		const plan = await runChat(server, { credential, parameters: { ...parameters, dryRun: true } });
		expect(plan.nodes[NODE_NAME].items).toEqual([
			expect.objectContaining({
				id: FT_MODEL_ACME,
				dryRun: true,
				wouldDelete: true,
				plan: `Would delete fine-tuned model ${FT_MODEL_ACME} (owned by ${ORG_ACME}): replaced by v2`,
			}),
		]);
		expect(server.requests.map((request) => request.method)).toEqual(['GET']);
		expect(server.state.fineTunedModels.map((entry) => entry.id)).toContain(FT_MODEL_ACME);

		const live = await runChat(server, { credential, parameters });
		expect(live.nodes[NODE_NAME].items).toEqual([{ id: FT_MODEL_ACME, object: 'model', deleted: true }]);
		expect(server.state.fineTunedModels.map((entry) => entry.id)).not.toContain(FT_MODEL_ACME);
	});

	test('a base model is refused before any request, and more models than "Max Models per Run" stop the run', async () => {
		// Typed by hand the ID field itself refuses it (n8n stops the workflow); from an expression the node refuses it.
		const typed = await runChat(server, { credential, parameters: { resource: 'model', operation: 'delete', modelId: locator('gpt-4o') } });
		expect(typed.error?.message).toMatch(/workflow has issues/);
		const base = await runChat(server, {
			credential,
			inputItems: [{ id: 'gpt-4o' }],
			parameters: { resource: 'model', operation: 'delete', modelId: locator('={{ $json.id }}') },
		});
		expect(base.error?.message).toBe('"Model" gpt-4o is not a fine-tuned model, so it cannot be deleted');
		expect(base.error?.description).toMatch(/Nothing was sent to OpenAI/);

		const many = await runChat(server, {
			credential,
			inputItems: [{ id: FT_MODEL_ACME }, { id: FT_MODEL_ACME_SUPPORT }],
			parameters: { resource: 'model', operation: 'delete', modelId: locator('={{ $json.id }}'), maxPerRun: 1 },
		});
		expect(many.error?.message).toMatch(/more than "Max Models per Run" \(1\); nothing was deleted/);
		expect(server.requests).toEqual([]);
		expect(server.state.fineTunedModels).toHaveLength(3);
	});

	test('with Continue On Fail a model that does not exist becomes an error item in its place; the other is deleted', async () => {
		const result = await runChat(server, {
			credential,
			continueOnFail: true,
			inputItems: [{ id: FT_MODEL_ACME }, { id: 'ft:gpt-4o-mini:acme-corp::Gone0000' }],
			parameters: { resource: 'model', operation: 'delete', modelId: locator('={{ $json.id }}') },
		});
		const [deleted, unknown] = result.nodes[NODE_NAME].outputs[0];
		expect(deleted.json).toEqual({ id: FT_MODEL_ACME, object: 'model', deleted: true });
		expect(unknown.json).toMatchObject({ httpCode: '404' });
		expect(unknown.pairedItem).toEqual({ item: 1 });
	});
});
