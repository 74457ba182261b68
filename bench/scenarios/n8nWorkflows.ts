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
