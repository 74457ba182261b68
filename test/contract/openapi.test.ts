import {
	validateErrorBody,
	validateRecordedRequests,
	validateRequest,
	validateResponse,
} from './openapi';

const project = {
	id: 'proj_abc',
	object: 'organization.project',
	name: 'A',
	created_at: 1_700_000_000,
	archived_at: null,
	status: 'active',
};
const error = {
	error: { message: 'nope', type: 'invalid_request_error', param: null, code: null },
};

/** A costs or usage page of one bucket holding one result. */
const page = (result: unknown) => ({
	object: 'page',
	data: [{ object: 'bucket', start_time: 1, end_time: 2, results: [result] }],
	has_more: false,
	next_page: null,
});

describe('validateResponse', () => {
	test('a well formed project list is valid, by template, by concrete path, with /v1 or as a full URL', () => {
		const list = {
			object: 'list',
			data: [project],
			first_id: 'proj_abc',
			last_id: 'proj_abc',
			has_more: false,
		};
		for (const path of [
			'/organization/projects',
			'/v1/organization/projects',
			'http://127.0.0.1:1/v1/organization/projects?limit=2',
		]) {
			expect(validateResponse('GET', path, 200, list)).toEqual([]);
		}
		expect(validateResponse('GET', '/organization/projects/{project_id}', 200, project)).toEqual(
			[],
		);
		expect(
			validateResponse('POST', '/v1/organization/projects/proj_abc/archive', 200, project),
		).toEqual([]);
	});

	test('a project list missing has_more with a wrong object is reported', () => {
		const problems = validateResponse('GET', '/organization/projects', 200, {
			object: 'lst',
			data: [],
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringContaining("required property 'has_more'"),
				expect.stringContaining('/object must be equal to one of the allowed values'),
			]),
		);
	});

	test('a project whose created_at is not an integer is reported', () => {
		expect(
			validateResponse('GET', '/organization/projects/proj_abc', 200, {
				...project,
				created_at: '2024-01-01',
			}),
		).toEqual(['GET /organization/projects/{project_id} 200 body/created_at must be integer']);
	});

	test('4xx and 5xx answers must be the ErrorResponse shape', () => {
		expect(validateResponse('GET', '/organization/projects', 404, error)).toEqual([]);
		expect(validateResponse('POST', '/chat/completions', 503, error)).toEqual([]);
		expect(
			validateResponse('GET', '/organization/projects', 400, { error: { message: 'x' } }).length,
		).toBe(3);
		expect(validateErrorBody({ message: 'flat' })).toEqual([
			"error body must have required property 'error'",
		]);
	});

	test('costs buckets must hold organization.costs.result objects', () => {
		expect(
			validateResponse(
				'GET',
				'/organization/costs',
				200,
				page({ object: 'organization.costs.result', amount: { value: 1.5, currency: 'usd' } }),
			),
		).toEqual([]);
		expect(
			validateResponse('GET', '/organization/costs', 200, page({ object: 'costs', amount: 3 }))
				.length,
		).toBeGreaterThan(0);
	});

	test('every usage report holds its own result objects, and a moderations result without its request count is not one', () => {
		const results: Record<string, Record<string, unknown>> = {
			moderations: { object: 'organization.usage.moderations.result', input_tokens: 5, num_model_requests: 1 },
			vector_stores: { object: 'organization.usage.vector_stores.result', usage_bytes: 1024, project_id: 'proj_abc' },
			code_interpreter_sessions: { object: 'organization.usage.code_interpreter_sessions.result', num_sessions: 2 },
			file_search_calls: { object: 'organization.usage.file_searches.result', num_requests: 3 },
			web_search_calls: { object: 'organization.usage.web_searches.result', num_model_requests: 1, num_requests: 1 },
		};
		for (const [kind, result] of Object.entries(results))
			expect(validateResponse('GET', `/organization/usage/${kind}`, 200, page(result))).toEqual([]);
		expect(
			validateResponse('GET', '/organization/usage/moderations', 200, page({ object: 'organization.usage.moderations.result', input_tokens: 5 })).length,
		).toBeGreaterThan(0);
	});

	test('a project API key may never have been used (last_used_at null), but must say so', () => {
		const key = {
			object: 'organization.project.api_key',
			redacted_value: 'sk-proj-****abcd',
			name: 'ci',
			created_at: 1_700_000_000,
			last_used_at: null,
			id: 'key_abc',
			owner_project_access: 'active',
			owner: { type: 'service_account', service_account: { id: 'svc_acct_abc', name: 'ci', created_at: 1_700_000_000, role: 'member' } },
		};
		const list = (data: unknown[]) => ({ object: 'list', data, first_id: 'key_abc', last_id: 'key_abc', has_more: false });
		expect(validateResponse('GET', '/organization/projects/proj_abc/api_keys', 200, list([key]))).toEqual([]);
		const withoutLastUse: Record<string, unknown> = { ...key };
		delete withoutLastUse.last_used_at;
		expect(validateResponse('GET', '/organization/projects/proj_abc/api_keys', 200, list([withoutLastUse]))).toEqual([
			"GET /organization/projects/{project_id}/api_keys 200 body/data/0 must have required property 'last_used_at'",
		]);
	});

	test('role lists continue by `next` (not last_id), and an assigned role must say where it came from, even as null', () => {
		const role = { object: 'role', id: 'role_abc', name: 'Viewer', description: null, permissions: ['api.usage.read'], resource_type: 'api.project', predefined_role: false };
		expect(validateResponse('GET', '/projects/proj_abc/roles', 200, { object: 'list', data: [role], has_more: false, next: null })).toEqual([]);
		expect(validateResponse('GET', '/organization/roles', 200, { object: 'list', data: [role], has_more: false, last_id: 'role_abc' })).toEqual([
			"GET /organization/roles 200 body must have required property 'next'",
		]);
		const fields: Record<string, unknown> = { ...role };
		delete fields.object;
		const assigned: Record<string, unknown> = { ...fields, created_at: 1, updated_at: 1, created_by: null, created_by_user_obj: null, metadata: {}, assignment_sources: null };
		const list = (data: unknown[]) => ({ object: 'list', data, has_more: false, next: null });
		expect(validateResponse('GET', '/organization/users/user-abc/roles', 200, list([assigned]))).toEqual([]);
		const withoutSources = { ...assigned };
		delete withoutSources.assignment_sources;
		expect(validateResponse('GET', '/projects/proj_abc/groups/group_abc/roles', 200, list([withoutSources]))).toEqual([
			"GET /projects/{project_id}/groups/{group_id}/roles 200 body/data/0 must have required property 'assignment_sources'",
		]);
		expect(validateResponse('POST', '/organization/groups/group_abc/roles', 200, { object: 'group.role', group: { object: 'group', id: 'group_abc', name: 'G', created_at: 1, scim_managed: false }, role })).toEqual([]);
		expect(validateResponse('DELETE', '/organization/roles/role_abc', 200, { object: 'role.deleted', id: 'role_abc', deleted: true })).toEqual([]);
	});

	test('organization spend alerts, limits and data retention answers follow their own schemas', () => {
		const alert = {
			id: 'alert_abc',
			object: 'organization.spend_alert',
			threshold_amount: 100_000,
			currency: 'USD',
			interval: 'month',
			notification_channel: { type: 'email', recipients: ['cfo@example.com'], subject_prefix: null },
		};
		expect(validateResponse('GET', '/organization/spend_alerts/alert_abc', 200, alert)).toEqual([]);
		expect(validateResponse('GET', '/organization/spend_alerts/alert_abc', 200, { ...alert, object: 'project.spend_alert' })).toEqual([
			'GET /organization/spend_alerts/{alert_id} 200 body/object must be equal to one of the allowed values',
		]);
		const limit = { object: 'organization.spend_limit', threshold_amount: 1, currency: 'USD', interval: 'month', enforcement: { status: 'enforcing' } };
		expect(validateResponse('POST', '/organization/spend_limit', 200, limit)).toEqual([]);
		expect(validateResponse('DELETE', '/organization/spend_limit', 200, { object: 'organization.spend_limit.deleted', deleted: true })).toEqual([]);
		expect(validateResponse('GET', '/organization/data_retention', 200, { object: 'organization.data_retention', type: 'organization_default' })).toEqual([
			'GET /organization/data_retention 200 body/type must be equal to one of the allowed values',
		]);
		expect(validateResponse('GET', '/organization/projects/proj_abc/data_retention', 200, { object: 'project.data_retention', type: 'organization_default' })).toEqual([]);
	});

	test('group lists must say where the next page starts (next), and group answers carry their own objects', () => {
		const group = { id: 'group_abc', name: 'Support', created_at: 1, is_scim_managed: false, group_type: 'group' };
		expect(validateResponse('GET', '/organization/groups', 200, { object: 'list', data: [group], has_more: false, next: null })).toEqual([]);
		expect(validateResponse('GET', '/organization/groups', 200, { object: 'list', data: [group], has_more: false })).toEqual([
			expect.stringContaining("required property 'next'"),
		]);
		expect(
			validateResponse('POST', '/organization/groups/group_abc/users', 200, { object: 'group.user', user_id: 'user-a', group_id: 'group_abc' }),
		).toEqual([]);
		expect(validateResponse('DELETE', '/organization/projects/proj_a/groups/group_abc', 200, { object: 'group.deleted', deleted: true })).toEqual([
			expect.stringContaining('/object must be equal to one of the allowed values'),
		]);
		expect(
			validateResponse('GET', '/organization/groups/group_abc/users/user-a', 200, { id: 'user-a', name: 'A', email: null }),
		).toEqual(expect.arrayContaining([expect.stringContaining("required property 'user_type'")]));
	});

	test('a path outside the contract is reported as such', () => {
		expect(validateResponse('POST', '/embeddings', 200, {})).toEqual([
			'POST /embeddings is not in the contract',
		]);
	});
});

describe('validateRequest', () => {
	test('costs accept array parameters written as name[] or repeated', () => {
		expect(
			validateRequest(
				'GET',
				'/organization/costs',
				{ start_time: '1700000000', 'group_by[]': ['project_id', 'line_item'] },
				undefined,
			),
		).toEqual([]);
		expect(
			validateRequest(
				'GET',
				'/organization/costs',
				{ start_time: '1700000000', group_by: 'project_id', 'project_ids[]': 'proj_a' },
				undefined,
			),
		).toEqual([]);
	});

	test('a missing required parameter, a wrong type, a bad enum value and an unknown name are reported', () => {
		expect(
			validateRequest(
				'GET',
				'/organization/costs',
				{ limit: 'seven', 'group_by[]': 'model', colour: 'red' },
				undefined,
			),
		).toEqual([
			"GET /organization/costs: unknown query parameter 'colour'",
			"GET /organization/costs: missing required query parameter 'start_time'",
			'GET /organization/costs query.group_by/0 must be equal to one of the allowed values',
			'GET /organization/costs query.limit must be integer',
		]);
	});

	test('each usage path takes only its own filters: batch for completions, not for embeddings', () => {
		const query = { start_time: '1700000000', 'api_key_ids[]': 'key_abc', 'user_ids[]': ['user-a', 'user-b'], 'models[]': 'gpt-4o' };
		expect(validateRequest('GET', '/organization/usage/completions', { ...query, batch: 'true' }, undefined)).toEqual([]);
		expect(validateRequest('GET', '/organization/usage/embeddings', { ...query, batch: 'true' }, undefined)).toEqual([
			"GET /organization/usage/embeddings: unknown query parameter 'batch'",
		]);
		expect(validateRequest('GET', '/organization/usage/images', { start_time: '1', 'sizes[]': '4096x4096' }, undefined)).toEqual([
			'GET /organization/usage/images query.sizes/0 must be equal to one of the allowed values',
		]);
	});

	test('a data retention update takes only the values its body lists', () => {
		expect(validateRequest('POST', '/organization/data_retention', {}, { retention_type: 'zero_data_retention' })).toEqual([]);
		expect(validateRequest('POST', '/organization/data_retention', {}, { retention_type: 'none' })).toEqual([
			'POST /organization/data_retention body/retention_type must be equal to one of the allowed values',
		]);
	});

	test('include_archived must be a boolean', () => {
		expect(
			validateRequest('GET', '/organization/projects', { include_archived: 'true' }, undefined),
		).toEqual([]);
		expect(
			validateRequest('GET', '/organization/projects', { include_archived: 'yes' }, undefined),
		).toEqual(['GET /organization/projects query.include_archived must be boolean']);
	});

	test('a create body without a name is reported', () => {
		expect(validateRequest('POST', '/organization/projects', {}, { title: 'x' })).toEqual([
			"POST /organization/projects body must have required property 'name'",
		]);
	});

	test('a role create needs a name and permissions; an assignment needs the role id', () => {
		expect(validateRequest('POST', '/organization/roles', {}, { role_name: 'Viewer', permissions: ['api.usage.read'] })).toEqual([]);
		expect(validateRequest('POST', '/projects/proj_abc/roles', {}, { role_name: 'Viewer' })).toEqual([
			"POST /projects/{project_id}/roles body must have required property 'permissions'",
		]);
		expect(validateRequest('POST', '/projects/proj_abc/users/user-abc/roles', {}, { role: 'role_abc' })).toEqual([
			"POST /projects/{project_id}/users/{user_id}/roles body must have required property 'role_id'",
		]);
	});

	test('a chat body is checked against CreateChatCompletionRequest, with nullable fields allowed to be null', () => {
		const body = {
			model: 'gpt-4o-mini',
			messages: [{ role: 'user', content: 'hi' }],
			max_completion_tokens: null,
		};
		expect(validateRequest('POST', '/v1/chat/completions', {}, body)).toEqual([]);
		expect(
			validateRequest('POST', '/v1/chat/completions', {}, { model: 'gpt-4o-mini', messages: [] }),
		).toEqual(['POST /chat/completions body/messages must NOT have fewer than 1 items']);
	});
});

describe('the model subset (Responses, Files, Batch) beside the admin subset', () => {
	test('a Responses body is checked against CreateResponse, and its answer against Response', () => {
		expect(validateRequest('POST', '/v1/responses', {}, { model: 'gpt-4o-mini', input: 'hi', service_tier: 'flex' })).toEqual([]);
		expect(validateRequest('POST', '/v1/responses', {}, { model: 'gpt-4o-mini', service_tier: 'cheap' })).not.toEqual([]);
		expect(validateResponse('GET', '/v1/responses/resp_abc', 200, { id: 'resp_abc' })).toContainEqual(
			"GET /responses/{response_id} 200 body must have required property 'object'",
		);
	});

	test('a background request, its cancel and its input items are checked against the contract', () => {
		expect(validateRequest('POST', '/v1/responses', {}, { model: 'gpt-4o-mini', input: 'hi', background: true, store: true })).toEqual([]);
		expect(validateRequest('POST', '/v1/responses', {}, { model: 'gpt-4o-mini', input: 'hi', background: 'yes' })).not.toEqual([]);
		const response = {
			id: 'resp_abc',
			object: 'response',
			created_at: 1,
			status: 'cancelled',
			background: true,
			error: null,
			incomplete_details: null,
			instructions: null,
			model: 'gpt-4o-mini',
			tools: [],
			output: [],
			parallel_tool_calls: true,
			metadata: {},
			tool_choice: 'auto',
			temperature: 1,
			top_p: 1,
		};
		expect(validateResponse('POST', '/v1/responses/resp_abc/cancel', 200, response)).toEqual([]);
		expect(validateResponse('POST', '/v1/responses/resp_abc/cancel', 200, { ...response, status: 'stopped' })).toEqual([
			'POST /responses/{response_id}/cancel 200 body/status must be equal to one of the allowed values',
		]);
		// A queued response has no usage yet: the contract's usage is an object, so it is left out, never null.
		expect(validateResponse('GET', '/v1/responses/resp_abc', 200, { ...response, status: 'queued', usage: null })).toEqual([
			'GET /responses/{response_id} 200 body/usage must be object',
		]);
		const message = { id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'hi' }] };
		const list = { object: 'list', data: [message], first_id: 'msg_1', last_id: 'msg_1', has_more: false };
		expect(validateResponse('GET', '/v1/responses/resp_abc/input_items', 200, list)).toEqual([]);
		const withoutCursor: Record<string, unknown> = { ...list };
		delete withoutCursor.last_id;
		expect(validateResponse('GET', '/v1/responses/resp_abc/input_items', 200, withoutCursor)).toEqual([
			"GET /responses/{response_id}/input_items 200 body must have required property 'last_id'",
		]);
		expect(validateRequest('GET', '/v1/responses/resp_abc/input_items', { limit: '100', order: 'asc', after: 'msg_1' }, undefined)).toEqual([]);
		expect(validateRequest('GET', '/v1/responses/resp_abc/input_items', { order: 'oldest' }, undefined)).not.toEqual([]);
		expect(validateRequest('GET', '/v1/responses/resp_abc/input_items', { page: '2' }, undefined)).toEqual([
			"GET /responses/{response_id}/input_items: unknown query parameter 'page'",
		]);
	});

	test('a stored chat completion filter by metadata is a map: any key goes', () => {
		expect(validateRequest('GET', '/v1/chat/completions', { 'metadata[team]': 'support', order: 'desc' }, undefined)).toEqual([]);
		expect(validateRequest('GET', '/v1/chat/completions', { order: 'newest' }, undefined)).not.toEqual([]);
	});
});

test('validateRecordedRequests checks every request a server recorded', () => {
	const recorded: Array<{
		method: string;
		path: string;
		query: Record<string, string>;
		body?: unknown;
	}> = [
		{ method: 'GET', path: '/v1/organization/projects', query: { limit: '20' } },
		{ method: 'POST', path: '/v1/organization/projects', query: {}, body: {} },
	];
	expect(validateRecordedRequests(recorded)).toEqual([
		"POST /organization/projects body must have required property 'name'",
	]);
});

describe('admin keys and certificates', () => {
	const owner = { type: 'user', object: 'organization.user', id: 'user_1', name: 'Ada', created_at: 1, role: 'owner' };
	const adminKey = { object: 'organization.admin_api_key', id: 'key_1', name: 'Main', redacted_value: 'sk-admin...def', created_at: 1, expires_at: null, last_used_at: null, owner };
	const details = { valid_at: 1, expires_at: 2 };

	test('an Admin key create answer must carry the value once; a listed key must not miss its redacted value', () => {
		expect(validateResponse('POST', '/organization/admin_api_keys', 200, { ...adminKey, value: 'sk-admin-abc' })).toEqual([]);
		expect(validateResponse('POST', '/organization/admin_api_keys', 200, adminKey)).toEqual([expect.stringContaining("required property 'value'")]);
		const unredacted: Record<string, unknown> = { ...adminKey };
		delete unredacted.redacted_value;
		expect(validateResponse('GET', '/organization/admin_api_keys', 200, { object: 'list', data: [unredacted], has_more: false })).toEqual([
			expect.stringContaining("required property 'redacted_value'"),
		]);
		expect(validateResponse('DELETE', '/organization/admin_api_keys/key_1', 200, { id: 'key_1', object: 'organization.admin_api_key.deleted', deleted: true })).toEqual([]);
	});

	test('a certificate list entry must say whether it is active; a deactivation answers its own object type', () => {
		const entry = { object: 'organization.certificate', id: 'cert_1', name: 'A', created_at: 1, certificate_details: details, active: true };
		const list = (data: unknown[]) => ({ object: 'list', data, first_id: 'cert_1', last_id: 'cert_1', has_more: false });
		expect(validateResponse('GET', '/organization/certificates', 200, list([entry]))).toEqual([]);
		const inactiveUnknown: Record<string, unknown> = { ...entry };
		delete inactiveUnknown.active;
		expect(validateResponse('GET', '/organization/certificates', 200, list([inactiveUnknown]))).toEqual([expect.stringContaining("required property 'active'")]);
		expect(validateResponse('POST', '/organization/certificates/deactivate', 200, { object: 'organization.certificate.deactivation', data: [entry] })).toEqual([]);
		expect(validateResponse('POST', '/organization/certificates/deactivate', 200, { object: 'organization.certificate.activation', data: [entry] })).toEqual([
			expect.stringContaining('/object must be equal to one of the allowed values'),
		]);
		expect(validateRequest('POST', '/organization/certificates/activate', {}, { certificate_ids: [] })).toEqual([
			expect.stringContaining('must NOT have fewer than 1 items'),
		]);
	});

	test('a service account update may send a name and a member or owner role', () => {
		const path = '/organization/projects/proj_1/service_accounts/svc_acct_1';
		expect(validateRequest('POST', path, {}, { name: 'Bot', role: 'owner' })).toEqual([]);
		expect(validateRequest('POST', path, {}, { role: 'admin' })).toEqual([expect.stringContaining('must be equal to one of the allowed values')]);
	});
});

describe('the model subset (Files and Batch) is part of the contract', () => {
	const batch = {
		id: 'batch_abc',
		object: 'batch',
		endpoint: '/v1/chat/completions',
		input_file_id: 'file-abc',
		completion_window: '24h',
		status: 'in_progress',
		created_at: 1_700_000_000,
		request_counts: { total: 2, completed: 1, failed: 0 },
	};

	test('a batch and a file are checked against their schemas', () => {
		expect(validateResponse('GET', '/v1/batches/batch_abc', 200, batch)).toEqual([]);
		expect(validateResponse('POST', '/batches', 200, { ...batch, status: 'running' })).toEqual([
			'POST /batches 200 body/status must be equal to one of the allowed values',
		]);
		expect(
			validateResponse('GET', '/files/file-abc', 200, { id: 'file-abc', object: 'file', bytes: 3, created_at: 1, filename: 'a.jsonl', purpose: 'batch' }),
		).toEqual(["GET /files/{file_id} 200 body must have required property 'status'"]);
	});

	test('a batch request needs its input file, endpoint and window', () => {
		expect(validateRequest('POST', '/batches', {}, { input_file_id: 'file-abc', endpoint: '/v1/chat/completions', completion_window: '24h' })).toEqual([]);
		expect(validateRequest('POST', '/batches', {}, { input_file_id: 'file-abc', endpoint: '/v1/chat/completions' })).toEqual([
			"POST /batches body must have required property 'completion_window'",
		]);
	});
});
