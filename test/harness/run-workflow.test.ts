/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: runs in plain Node, never inside n8n; keys are fake fixtures */
import {
	ECHO_TYPE,
	HEADER_CREDENTIAL,
	SIGNED_CREDENTIAL,
	useFixturePackage,
} from './fixtures/fixture-package';
import { type RecordingServer, startRecordingServer } from './fixtures/recording-server';
import { runWorkflow, singleNodeWorkflow } from './index';

const API_KEY = 'sk-fixture-0123456789abcdef';

let server: RecordingServer;
let failWith: { status: number; body: unknown } | undefined;

beforeAll(async () => {
	useFixturePackage();
	server = await startRecordingServer(
		(request) => failWith ?? { status: 200, body: { path: request.url } },
	);
});
afterAll(async () => await server.close());
beforeEach(() => {
	server.requests.length = 0;
	failWith = undefined;
});

function headerCredentials(extra: Record<string, unknown> = {}) {
	return { 'cred-header': { apiKey: API_KEY, baseUrl: server.baseUrl, ...extra } };
}

function echoWorkflow(parameters: Record<string, unknown> = {}, continueOnFail = false) {
	return singleNodeWorkflow({
		type: ECHO_TYPE,
		name: 'Echo',
		parameters,
		credentials: HEADER_CREDENTIAL,
		continueOnFail,
	});
}

describe('runWorkflow with the fixture node', () => {
	test('every input item comes out of the node, in order, paired with the item it came from', async () => {
		const result = await runWorkflow(echoWorkflow({ path: '/things' }), {
			credentials: headerCredentials(),
			inputItems: [{ n: 1 }, { n: 2 }, { n: 3 }],
		});

		expect(result.finished).toBe(true);
		expect(result.error).toBeUndefined();
		expect(result.nodes.Echo.items).toEqual([
			{ path: '/v1/things?item=0', input: { n: 1 } },
			{ path: '/v1/things?item=1', input: { n: 2 } },
			{ path: '/v1/things?item=2', input: { n: 3 } },
		]);
		expect(result.nodes.Echo.outputs[0].map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.nodes['Manual Trigger'].items).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
	});

	test('without inputItems the trigger emits one empty item', async () => {
		const result = await runWorkflow(echoWorkflow(), { credentials: headerCredentials() });

		expect(result.nodes['Manual Trigger'].items).toEqual([{}]);
		expect(result.nodes.Echo.items).toHaveLength(1);
	});

	test("the request carries the headers of the credential's object-form authenticate, defaults applied", async () => {
		await runWorkflow(echoWorkflow(), { credentials: headerCredentials() });

		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
		// organizationId was not given: its declared default '' applies, and the expression falls back to "none".
		expect(server.requests[0].headers['x-fixture-org']).toBe('none');
	});

	test('a given credential field replaces the default the authenticate expression sees', async () => {
		await runWorkflow(echoWorkflow(), {
			credentials: headerCredentials({ organizationId: 'org-fixture' }),
		});

		expect(server.requests[0].headers['x-fixture-org']).toBe('org-fixture');
	});

	test('a function-form authenticate shapes the request', async () => {
		const workflow = singleNodeWorkflow({
			type: ECHO_TYPE,
			name: 'Echo',
			parameters: { authentication: 'signed' },
			credentials: SIGNED_CREDENTIAL,
		});

		await runWorkflow(workflow, {
			credentials: { 'cred-signed': { apiKey: API_KEY, baseUrl: server.baseUrl } },
		});

		expect(server.requests[0].headers['x-signed-key']).toBe(`signed:${API_KEY}`);
		expect(server.requests[0].headers.authorization).toBeUndefined();
	});

	test('an HTTP error becomes a NodeApiError with its HTTP code, and the execution fails', async () => {
		failWith = {
			status: 401,
			body: { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } },
		};

		const result = await runWorkflow(echoWorkflow(), { credentials: headerCredentials() });

		expect(result.finished).toBe(false);
		expect(result.nodes.Echo.error).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toBe(result.nodes.Echo.error?.message);
	});

	test('a NodeOperationError keeps its message, description and item index', async () => {
		const result = await runWorkflow(echoWorkflow({ failOperation: true }), {
			credentials: headerCredentials(),
		});

		expect(result.nodes.Echo.error).toMatchObject({
			name: 'NodeOperationError',
			message: 'The fixture was told to fail',
			description: 'failOperation is on',
		});
		expect(result.nodes.Echo.error?.context).toMatchObject({ itemIndex: 0 });
		expect(server.requests).toHaveLength(0);
	});

	test('with continueOnFail the failure becomes an item and the workflow finishes', async () => {
		failWith = { status: 500, body: { error: { message: 'Server exploded' } } };

		const result = await runWorkflow(echoWorkflow({}, true), {
			credentials: headerCredentials(),
			inputItems: [{ n: 1 }, { n: 2 }],
		});

		expect(result.finished).toBe(true);
		expect(result.nodes.Echo.error).toBeUndefined();
		expect(result.nodes.Echo.items).toHaveLength(2);
		expect(result.nodes.Echo.items[0].error).toEqual(expect.any(String));
		expect(result.nodes.Echo.outputs[0][1].pairedItem).toEqual({ item: 1 });
	});

	test("the engine's own continueOnFail passes the input items on and records the error the node threw", async () => {
		// The credential id is unknown: the fixture reads credentials outside its item loop, so n8n handles it.
		const result = await runWorkflow(echoWorkflow({}, true), {
			credentials: {},
			inputItems: [{ n: 1 }],
		});

		expect(result.nodes.Echo.items).toEqual([{ n: 1 }]);
		expect(result.nodes.Echo.error?.message).toContain('"cred-header"');
	});

	test("onError 'continueErrorOutput' routes failed items to the error output", async () => {
		failWith = { status: 429, body: { error: { message: 'Rate limit reached' } } };
		const workflow = echoWorkflow();
		workflow.nodes[1].onError = 'continueErrorOutput';

		const result = await runWorkflow(workflow, { credentials: headerCredentials() });

		expect(result.finished).toBe(true);
		expect(result.nodes.Echo.outputs[0]).toEqual([]);
		expect(result.nodes.Echo.outputs[1]).toHaveLength(1);
		expect(result.nodes.Echo.outputs[1][0].json.error).toEqual(expect.any(String));
	});

	test('a credential id the harness was not given fails the node with a message naming the id', async () => {
		const result = await runWorkflow(echoWorkflow(), {
			credentials: { other: { apiKey: API_KEY } },
		});

		expect(result.finished).toBe(false);
		expect(result.nodes.Echo.error?.message).toContain('"cred-header"');
		expect(result.nodes.Echo.error?.message).not.toContain(API_KEY);
	});

	test('the logs record the execution and never contain the API key', async () => {
		failWith = { status: 401, body: { error: { message: 'Incorrect API key provided' } } };

		const result = await runWorkflow(echoWorkflow(), { credentials: headerCredentials() });

		expect(result.logs.some((line) => line.includes('Running node "Echo" started'))).toBe(true);
		expect(result.logs.filter((line) => line.includes(API_KEY))).toEqual([]);
	});

	test('the timezone option is the workflow timezone expressions see', async () => {
		const result = await runWorkflow(echoWorkflow({ path: '=/zone/{{ $now.zoneName }}' }), {
			credentials: headerCredentials(),
			timezone: 'Asia/Tokyo',
		});

		expect(result.nodes.Echo.items[0].path).toBe('/v1/zone/Asia/Tokyo?item=0');
	});

	test('a workflow n8n refuses to start (a required parameter is empty) fails with the issues named', async () => {
		const result = await runWorkflow(echoWorkflow({ label: '' }), {
			credentials: headerCredentials(),
		});

		expect(result.finished).toBe(false);
		expect(result.nodes).toEqual({});
		expect(result.error?.name).toBe('WorkflowHasIssuesError');
		expect(result.error?.description).toBe('Node "Echo": Parameter "Label" is required.');
		expect(server.requests).toHaveLength(0);
	});

	test("a run leaves the caller's workflow JSON as it was", async () => {
		const workflow = echoWorkflow();
		const before = JSON.stringify(workflow);

		await runWorkflow(workflow, { credentials: headerCredentials() });

		expect(JSON.stringify(workflow)).toBe(before);
	});
});
