'use strict';
/**
 * The queue-mode workload: one active workflow per kind of work, each started by its Webhook trigger's production
 * URL on the main instance, as production starts them. A kind is
 *   { kind, workflow(F), body(index, F), resultNode, normalize? }
 * and the request bodies carry a `key` that names the request, so an execution can be paired with the request that
 * started it and with the same request's execution in a single n8n. A new kind (e.g. a trigger, issue 17) is one
 * more entry here; a polling trigger is not started by a webhook and needs its own start and cursor checks.
 */

const { createHash } = require('node:crypto');

const PROJECTS = 'n8n-nodes-openai-org.openAiProjects';
const CHAT = 'n8n-nodes-openai-org.openAiOrgChat';
const ADMIN_ACME = { openAiAdminApi: { id: 'queueAdminAcme01', name: 'Queue: OpenAI Admin API (Acme)' } };
const ADMIN_GLOBEX = { openAiAdminApi: { id: 'queueAdminGlobex', name: 'Queue: OpenAI Admin API (Globex)' } };
const USER_MULTI = { openAiOrgApi: { id: 'queueUserMulti01', name: 'Queue: user key in two organizations' } };

/** The credentials the workflows name, all pointing at the test server. */
function queueCredentials(baseUrl, F) {
	return [
		{ id: ADMIN_ACME.openAiAdminApi.id, name: ADMIN_ACME.openAiAdminApi.name, type: 'openAiAdminApi', data: { apiKey: F.ADMIN_KEY_ACME, organizationId: '', baseUrl } },
		{ id: ADMIN_GLOBEX.openAiAdminApi.id, name: ADMIN_GLOBEX.openAiAdminApi.name, type: 'openAiAdminApi', data: { apiKey: F.ADMIN_KEY_GLOBEX, organizationId: '', baseUrl } },
		{ id: USER_MULTI.openAiOrgApi.id, name: USER_MULTI.openAiOrgApi.name, type: 'openAiOrgApi', data: { apiKey: F.USER_KEY_MULTI, organizationId: '', projectId: '', baseUrl } },
	];
}

function node(name, type, typeVersion, parameters, extra = {}) {
	return { id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, type, typeVersion, position: [0, 0], parameters, ...extra };
}

/** Webhook → nodes in a line. The webhook answers at once ("Workflow was started"); the work runs on a worker. */
function webhookWorkflow(id, name, nodes) {
	const webhook = node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: `queue-${id}`, responseMode: 'onReceived', options: {} }, { webhookId: `queue-webhook-${id}` });
	const all = [webhook, ...nodes].map((entry, index) => ({ ...entry, position: [index * 220, 0] }));
	const connections = {};
	for (let index = 0; index < all.length - 1; index++) {
		connections[all[index].name] = { main: [[{ node: all[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id: `queue${createHash('sha1').update(id).digest('hex').slice(0, 11)}`, name: `Queue: ${name}`, active: false, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

const pad = (index) => String(index).padStart(4, '0');

/**
 * Fields that differ between two runs of the same request: request ids, completion ids, and a new project's id and
 * times. A new project is compared by what the request decided: its name (with the batch name taken out) and status.
 */
function dropVolatile(json, run) {
	const { requestId, created, ...stable } = json;
	if (typeof stable.name === 'string' && stable.name.startsWith(`Queue ${run} `)) {
		return { object: stable.object, name: stable.name.replace(`Queue ${run} `, 'Queue <batch> '), status: stable.status, archived_at: stable.archived_at };
	}
	if (typeof stable.id === 'string' && /^chatcmpl-/.test(stable.id)) delete stable.id;
	return stable;
}

const KINDS = [
	{
		kind: 'projects-list',
		share: 5,
		workflow: () =>
			webhookWorkflow('projects-list', 'list projects', [
				node('List projects', PROJECTS, 2, { resource: 'project', operation: 'getAll', limit: '={{ $json.body.limit }}', filters: { includeArchived: true } }, { credentials: ADMIN_ACME }),
			]),
		body: (index) => ({ limit: 5 + (index % 4) * 30 }),
		resultNodes: ['List projects'],
	},
	{
		kind: 'projects-get',
		share: 5,
		workflow: () =>
			webhookWorkflow('projects-get', 'get a project', [
				node('Get project', PROJECTS, 2, { resource: 'project', operation: 'get', projectId: { __rl: true, mode: 'id', value: '={{ $json.body.projectId }}' } }, { credentials: ADMIN_ACME }),
			]),
		body: (index, F, world) => ({ projectId: world.acmeProjectIds[index % world.acmeProjectIds.length] }),
		resultNodes: ['Get project'],
	},
	{
		kind: 'chat',
		share: 5,
		workflow: () =>
			webhookWorkflow('chat', 'chat with an organization per item', [
				node('One item per question', 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: 'body.items', options: {} }),
				node('Chat', CHAT, 1, {
					resource: 'chat',
					operation: 'complete',
					model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' },
					messagesSource: 'define',
					messages: { values: [{ role: 'system', content: 'You answer in one sentence.' }, { role: 'user', content: '={{ $json.question }}' }] },
					organizationId: '={{ $json.organizationId }}',
					projectId: '',
					simplify: true,
					options: {},
				}, { credentials: USER_MULTI }),
			]),
		// A user key in two organizations: every item names the organization that pays for it.
		body: (index, F) => ({
			items: [0, 1, 2, 3].map((item) => ({ question: `Question ${pad(index)}.${item}`, organizationId: (index + item) % 2 ? F.ORG_GLOBEX : F.ORG_ACME })),
		}),
		resultNodes: ['Chat'],
	},
	{
		kind: 'costs',
		share: 2,
		workflow: () =>
			webhookWorkflow('costs', 'cost report per project', [
				node('Costs', PROJECTS, 2, { resource: 'cost', operation: 'getAll', timeRange: 'last7Days', summarizePerProject: true }, { credentials: ADMIN_ACME }),
			]),
		body: () => ({}),
		resultNodes: ['Costs'],
	},
	{
		// Globex, so that new projects never change what the Acme lists above return.
		kind: 'projects-create',
		share: 3,
		workflow: () =>
			webhookWorkflow('projects-create', 'create a project', [
				node('Create project', PROJECTS, 2, { resource: 'project', operation: 'create', name: '={{ $json.body.name }}', options: {} }, { credentials: ADMIN_GLOBEX }),
			]),
		body: (index, F, world) => ({ name: `Queue ${world.run} ${pad(index)}` }),
		resultNodes: ['Create project'],
	},
];

/**
 * Create a project unless one of that name exists: Get Many (Name Contains, archived too) → If none → Create.
 * Our Create never repeats itself within an execution, but it cannot know about an earlier execution whose worker
 * died after OpenAI had created the project: a rerun of that execution sends the create again. This is the form
 * that makes a rerun safe, used by the kill test.
 */
const CREATE_ONCE = {
	kind: 'projects-create-once',
	share: 3,
	sameOutputAs: 'projects-create',
	workflow: () => {
		const workflow = webhookWorkflow('projects-create-once', 'create a project unless it exists', [
			node('Find project', PROJECTS, 2, { resource: 'project', operation: 'getAll', returnAll: true, filters: { includeArchived: true, nameContains: '={{ $json.body.name }}' } }, { credentials: ADMIN_GLOBEX, alwaysOutputData: true }),
			node('No such project', 'n8n-nodes-base.if', 1, { conditions: { string: [{ value1: '={{ $json.id }}', operation: 'isEmpty' }] } }),
			node('Create project', PROJECTS, 2, { resource: 'project', operation: 'create', name: "={{ $('Webhook').first().json.body.name }}", options: {} }, { credentials: ADMIN_GLOBEX }),
		]);
		const existing = { ...node('Existing project', 'n8n-nodes-base.noOp', 1, {}), position: [660, 200] };
		workflow.nodes.push(existing);
		workflow.connections['No such project'].main.push([{ node: existing.name, type: 'main', index: 0 }]);
		return workflow;
	},
	body: (index, F, world) => ({ name: `Queue ${world.run} ${pad(index)}` }),
	resultNodes: ['Create project', 'Existing project'],
};

/** The kill test's mix: the same, with creates that are safe to run again. */
const KILL_KINDS = KINDS.map((kind) => (kind.kind === 'projects-create' ? CREATE_ONCE : kind));

/**
 * `count` requests in a fixed interleaved order (by the kinds' shares), each `{ kind, key, path, body }`.
 * `world.run` names the batch, so created project names never repeat across batches; the n-th request of a kind
 * has the same body in every batch apart from that name.
 */
function plannedRequests(count, F, world, kinds = KINDS) {
	const cycle = kinds.flatMap((kind) => Array.from({ length: kind.share }, () => kind));
	const perKind = new Map();
	return Array.from({ length: count }, (_, index) => {
		const kind = cycle[(index * 7) % cycle.length];
		const n = perKind.get(kind.kind) ?? 0;
		perKind.set(kind.kind, n + 1);
		const key = `${world.run}-${kind.kind}-${pad(n)}`;
		return { kind: kind.kind, key, comparableKey: `${kind.sameOutputAs ?? kind.kind}-${pad(n)}`, path: `queue-${kind.kind}`, body: { key, ...kind.body(n, F, world) } };
	});
}

function kindOf(name) {
	return [...KINDS, CREATE_ONCE].find((kind) => kind.kind === name);
}

/** What a run put out, comparable between two n8n instances: the result node's items without volatile fields. */
function comparableOutput(kindName, runData, run) {
	const resultNode = kindOf(kindName).resultNodes.find((name) => runData?.[name]);
	const items = runData?.[resultNode]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => dropVolatile(item.json ?? {}, run));
}

module.exports = { KINDS, KILL_KINDS, queueCredentials, plannedRequests, kindOf, comparableOutput, pad };
