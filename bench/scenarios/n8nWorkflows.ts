/** The two workflows scenario 4 runs inside the real n8n: the same list, n8n's own way and this package's. */

export const HTTP_WORKFLOW_ID = 'benchHttpRequest1';
export const NODE_WORKFLOW_ID = 'benchProjectsNode';
export const ADMIN_CREDENTIAL = { id: 'benchAdminAcme01', name: 'Bench admin key (Acme)' };
export const HEADER_CREDENTIAL = { id: 'benchHeaderAuth1', name: 'Bench admin key as a header' };

const trigger = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const link = (from: string, to: string) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });

/**
 * What a user builds without this package: HTTP Request with "Update a Parameter in Each Request" pagination
 * on OpenAI's cursor, then Split Out to get one item per project. One item per page comes out of HTTP Request.
 */
export function httpRequestWorkflow(baseUrl: string) {
	return {
		id: HTTP_WORKFLOW_ID,
		name: 'Bench: HTTP Request pagination',
		active: false,
		nodes: [
			trigger,
			{
				id: 'http',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					url: `${baseUrl}/organization/projects`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpHeaderAuth',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'limit', value: '100' }] },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: {
									parameters: [{ type: 'qs', name: 'after', value: '={{ $response.body.last_id }}' }],
								},
								paginationCompleteWhen: 'other',
								completeExpression: '={{ $response.body.has_more === false }}',
								limitPagesFetched: false,
							},
						},
					},
				},
				credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
			},
			{
				id: 'split',
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'data', include: 'noOtherFields', options: {} },
			},
		],
		connections: { ...link('Start', 'HTTP Request'), ...link('HTTP Request', 'Split Out') },
		settings: { executionOrder: 'v1' },
	};
}

export function projectsNodeWorkflow() {
	return {
		id: NODE_WORKFLOW_ID,
		name: 'Bench: OpenAI Projects Get Many',
		active: false,
		nodes: [
			trigger,
			{
				id: 'projects',
				name: 'OpenAI Projects',
				type: 'n8n-nodes-openai-org.openAiProjects',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'project', operation: 'getAll', returnAll: true },
				credentials: { openAiOrgApi: ADMIN_CREDENTIAL },
			},
		],
		connections: link('Start', 'OpenAI Projects'),
		settings: { executionOrder: 'v1' },
	};
}

export function benchCredentials(baseUrl: string, adminKey: string) {
	return [
		{
			...ADMIN_CREDENTIAL,
			type: 'openAiOrgApi',
			data: { apiKey: adminKey, organizationId: '', projectId: '', baseUrl },
		},
		{
			...HEADER_CREDENTIAL,
			type: 'httpHeaderAuth',
			data: { name: 'Authorization', value: `Bearer ${adminKey}` },
		},
	];
}

export const CHAT_NODE_WORKFLOW_ID = 'benchOrgChatNode1';
export const N8N_OPENAI_WORKFLOW_ID = 'benchN8nOpenAiNod';
export const PROJECT_CREDENTIAL = { id: 'benchProjectAcme1', name: 'Bench project key (Acme)' };
export const N8N_OPENAI_CREDENTIAL = { id: 'benchN8nOpenAiKey', name: 'Bench project key for n8n OpenAI' };

/** The chat scenario's input: one item per customer message (Edit Fields with the list, then Split Out). */
function messageItems(messages: string[]) {
	return [
		{
			id: 'messages',
			name: 'Customer Messages',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ messages }), options: {} },
		},
		{
			id: 'split-messages',
			name: 'One Item per Message',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'messages', include: 'noOtherFields', options: {} },
		},
	];
}

function chatWorkflow(id: string, name: string, chatNode: { name: string } & Record<string, unknown>, messages: string[]) {
	const node = { ...chatNode, position: [660, 0], onError: 'continueRegularOutput' };
	return {
		id,
		name,
		active: false,
		nodes: [trigger, ...messageItems(messages), node],
		connections: {
			...link('Start', 'Customer Messages'),
			...link('Customer Messages', 'One Item per Message'),
			...link('One Item per Message', node.name),
		},
		settings: { executionOrder: 'v1' },
	};
}

/** This package's chat node, Items at Once as given, Continue On Fail so that failures are counted. */
export function orgChatWorkflow(
	messages: string[],
	chat: { system: string; model: string; maxTokens: number; itemsAtOnce: number },
) {
	return chatWorkflow(
		CHAT_NODE_WORKFLOW_ID,
		'Bench: OpenAI Chat (Organization) under rate limits',
		{
			id: 'org-chat',
			name: 'OpenAI Chat',
			type: 'n8n-nodes-openai-org.openAiOrgChat',
			typeVersion: 1,
			parameters: {
				resource: 'chat',
				operation: 'complete',
				model: { __rl: true, mode: 'id', value: chat.model },
				messagesSource: 'define',
				messages: {
					values: [
						{ role: 'system', content: chat.system },
						{ role: 'user', content: '={{ $json.messages }}' },
					],
				},
				options: { itemsAtOnce: chat.itemsAtOnce, maxCompletionTokens: chat.maxTokens },
			},
			credentials: { openAiOrgApi: PROJECT_CREDENTIAL },
		},
		messages,
	);
}

/**
 * n8n's own OpenAI node, "Message a Model" of version 1.8: the newest version that calls /chat/completions
 * (version 2 calls the Responses API, which the test server does not serve). It sends item after item.
 */
export function n8nOpenAiWorkflow(messages: string[], chat: { system: string; model: string; maxTokens: number }) {
	return chatWorkflow(
		N8N_OPENAI_WORKFLOW_ID,
		"Bench: n8n's OpenAI node under rate limits",
		{
			id: 'n8n-openai',
			name: 'OpenAI',
			type: '@n8n/n8n-nodes-langchain.openAi',
			typeVersion: 1.8,
			parameters: {
				resource: 'text',
				operation: 'message',
				modelId: { __rl: true, mode: 'id', value: chat.model },
				messages: {
					values: [
						{ role: 'system', content: chat.system },
						{ role: 'user', content: '={{ $json.messages }}' },
					],
				},
				simplify: true,
				options: { maxTokens: chat.maxTokens },
			},
			credentials: { openAiApi: N8N_OPENAI_CREDENTIAL },
		},
		messages,
	);
}

/**
 * n8n's OpenAI credential sends OpenAI-Organization even when it is empty, which the API refuses: both
 * credentials name the key's organization, so that both nodes send the same headers.
 */
export function chatCredentials(baseUrl: string, projectKey: string, organizationId: string) {
	return [
		{
			...PROJECT_CREDENTIAL,
			type: 'openAiOrgApi',
			data: { apiKey: projectKey, organizationId, projectId: '', baseUrl },
		},
		{
			...N8N_OPENAI_CREDENTIAL,
			type: 'openAiApi',
			data: { apiKey: projectKey, organizationId, url: baseUrl, header: false },
		},
	];
}
