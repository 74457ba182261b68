/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { DEFAULT_PROJECT_ACME, ORG_ACME, PROJECT_GLOBEX_RESEARCH, ORG_GLOBEX, USER_KEY_MULTI, startOpenAiTestServer, type OpenAiTestServer } from '..';
import { validateResponse } from '../../contract/openapi';
import { buildUrl, call } from './client';

let server: OpenAiTestServer;
let nowMs = Date.UTC(2026, 10, 1, 12);
beforeAll(async () => {
	server = await startOpenAiTestServer({ now: () => nowMs });
});
afterAll(() => server.close());
beforeEach(() => {
	server.reset();
	nowMs = Date.UTC(2026, 10, 1, 12);
});

const scope = { key: USER_KEY_MULTI, organization: ORG_GLOBEX, project: PROJECT_GLOBEX_RESEARCH };

const line = (customId: string, content: string, model = 'gpt-4o-mini') =>
	JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model, messages: [{ role: 'user', content }] } });

async function upload(content: string, filename = 'requests.jsonl', purpose = 'batch') {
	const boundary = '----n8nbatchtest';
	const body = [
		`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n`,
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/jsonl\r\n\r\n${content}\r\n`,
		`--${boundary}--\r\n`,
	].join('');
	const response = await fetch(buildUrl(server, '/files'), {
		method: 'POST',
		headers: {
			authorization: `Bearer ${scope.key}`,
			'openai-organization': scope.organization,
			'openai-project': scope.project,
			'content-type': `multipart/form-data; boundary=${boundary}`,
		},
		body,
	});
	const json = await response.json();
	expect(validateResponse('POST', '/files', response.status, json)).toEqual([]);
	return { status: response.status, body: json };
}

async function download(fileId: string): Promise<string> {
	const response = await fetch(buildUrl(server, `/files/${fileId}/content`), {
		headers: { authorization: `Bearer ${scope.key}`, 'openai-organization': scope.organization, 'openai-project': scope.project },
	});
	expect(response.status).toBe(200);
	return await response.text();
}

const batchOf = async (inputFileId: string, metadata?: Record<string, string>) =>
	await call(server, 'POST', '/batches', { ...scope, body: { input_file_id: inputFileId, endpoint: '/v1/chat/completions', completion_window: '24h', metadata } });

test('an uploaded JSONL file can be read, listed, downloaded and deleted', async () => {
	const content = `${line('a', 'one')}\n`;
	const file = await upload(content);
	expect(file.status).toBe(200);
	expect(file.body).toMatchObject({ object: 'file', purpose: 'batch', filename: 'requests.jsonl', bytes: Buffer.byteLength(content) });
	expect((await call(server, 'GET', `/files/${file.body.id}`, scope)).body.id).toBe(file.body.id);
	expect((await call(server, 'GET', '/files', { ...scope, query: { purpose: 'batch' } })).body.data).toHaveLength(1);
	expect(await download(file.body.id)).toBe(content);
	// Another project of the key does not see it.
	expect((await call(server, 'GET', `/files/${file.body.id}`, { key: USER_KEY_MULTI, organization: ORG_ACME, project: DEFAULT_PROJECT_ACME })).status).toBe(404);
	expect((await call(server, 'DELETE', `/files/${file.body.id}`, scope)).body).toEqual({ id: file.body.id, object: 'file', deleted: true });
	expect((await call(server, 'GET', `/files/${file.body.id}`, scope)).status).toBe(404);
});

test('a batch file must be .jsonl with purpose batch', async () => {
	expect((await upload('x', 'requests.csv')).status).toBe(400);
	expect((await upload('x', 'a.jsonl', 'nonsense')).status).toBe(400);
});

test('a batch moves validating → in_progress → completed on the batch clock; output lines come shuffled, failures go to the error file', async () => {
	server.state.batchRules.validatingSeconds = 60;
	server.state.batchRules.inProgressSeconds = 600;
	const lines = Array.from({ length: 12 }, (_, index) => line(`item-${index}`, `question ${index}`, index === 5 ? 'gpt-nope' : 'gpt-4o-mini'));
	const file = await upload(lines.join('\n'));
	const created = await batchOf(file.body.id, { run: 'r1' });
	expect(created.status).toBe(200);
	expect(created.body).toMatchObject({ object: 'batch', status: 'validating', metadata: { run: 'r1' } });
	const get = async () => (await call(server, 'GET', `/batches/${created.body.id}`, scope)).body;
	nowMs += 61_000;
	expect((await get()).status).toBe('in_progress');
	nowMs += 300_000;
	expect((await get()).request_counts.completed).toBeGreaterThan(0);
	expect(server.state.chatCompletions).toHaveLength(0);
	nowMs += 300_000;
	const done = await get();
	expect(done).toMatchObject({ status: 'completed', request_counts: { total: 12, completed: 11, failed: 1 } });
	const output = (await download(done.output_file_id)).trim().split('\n').map((text) => JSON.parse(text));
	expect(output.map((entry) => entry.custom_id).sort()).toEqual(lines.map((_, i) => `item-${i}`).filter((id) => id !== 'item-5').sort());
	expect(output.map((entry) => entry.custom_id)).not.toEqual(lines.map((_, i) => `item-${i}`).filter((id) => id !== 'item-5'));
	const first = output.find((entry) => entry.custom_id === 'item-3');
	expect(first.response.body.choices[0].message.content).toBe('Echo (gpt-4o-mini): question 3');
	const errors = (await download(done.error_file_id)).trim().split('\n').map((text) => JSON.parse(text));
	expect(errors).toEqual([expect.objectContaining({ custom_id: 'item-5', response: expect.objectContaining({ status_code: 404 }) })]);
	// Run under the batch's project, as the chat endpoint bills it.
	expect(server.state.chatCompletions.every((completion) => completion.projectId === PROJECT_GLOBEX_RESEARCH)).toBe(true);
	const list = await call(server, 'GET', '/batches', { ...scope, query: { limit: '5' } });
	expect(list.body.data.map((batch: { id: string }) => batch.id)).toEqual([created.body.id]);
});

test('a bad input file fails the batch in validation, naming the line', async () => {
	const file = await upload(`${line('a', 'x')}\n${line('a', 'y')}\nnot json`);
	const created = await batchOf(file.body.id);
	const batch = (await call(server, 'GET', `/batches/${created.body.id}`, scope)).body;
	expect(batch.status).toBe('failed');
	expect(batch.errors.data).toEqual([
		expect.objectContaining({ code: 'duplicate_custom_id', line: 2 }),
		expect.objectContaining({ code: 'invalid_json_line', line: 3 }),
	]);
});

test('an expired batch runs part of its lines; the rest are batch_expired in the error file', async () => {
	Object.assign(server.state.batchRules, { outcome: 'expired', expiredShare: 0.25, inProgressSeconds: 100 });
	const file = await upload(Array.from({ length: 8 }, (_, i) => line(`i${i}`, `q${i}`)).join('\n'));
	const created = await batchOf(file.body.id);
	nowMs += 200_000;
	const batch = (await call(server, 'GET', `/batches/${created.body.id}`, scope)).body;
	expect(batch).toMatchObject({ status: 'expired', request_counts: { total: 8, completed: 2, failed: 6 } });
	const errors = (await download(batch.error_file_id)).trim().split('\n').map((text) => JSON.parse(text));
	expect(errors.every((entry) => entry.error.code === 'batch_expired')).toBe(true);
});

test('a cancelled batch goes through cancelling to cancelled; a finished one cannot be cancelled', async () => {
	Object.assign(server.state.batchRules, { inProgressSeconds: 1000, cancellingSeconds: 30 });
	const file = await upload(Array.from({ length: 4 }, (_, i) => line(`i${i}`, `q${i}`)).join('\n'));
	const created = await batchOf(file.body.id);
	nowMs += 500_000;
	const cancelling = await call(server, 'POST', `/batches/${created.body.id}/cancel`, scope);
	expect(cancelling.body.status).toBe('cancelling');
	nowMs += 31_000;
	const batch = (await call(server, 'GET', `/batches/${created.body.id}`, scope)).body;
	expect(batch).toMatchObject({ status: 'cancelled', request_counts: { total: 4, completed: 2, failed: 2 } });
	expect((await call(server, 'POST', `/batches/${created.body.id}/cancel`, scope)).status).toBe(409);
});

test('the control API sets the batch rules and moves the batch clock', async () => {
	const post = (path: string, body: unknown) =>
		fetch(`http://127.0.0.1:${server.port}/__control/${path}`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
	expect(await post('batches', { inProgressSeconds: 3600 })).toMatchObject({ inProgressSeconds: 3600 });
	const file = await upload(line('a', 'x'));
	const created = await batchOf(file.body.id);
	expect((await call(server, 'GET', `/batches/${created.body.id}`, scope)).body.status).toBe('in_progress');
	await post('batches/advance', { seconds: 3600 });
	expect((await call(server, 'GET', `/batches/${created.body.id}`, scope)).body.status).toBe('completed');
});
