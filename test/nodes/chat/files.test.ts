import { ORG_GLOBEX, PROJECT_GLOBEX_RESEARCH, USER_KEY_MULTI } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { expectNoFullKeyIn, NODE_NAME, runChat, serveTestServer } from './support';

let server: OpenAiTestServer;
serveTestServer({}, (started) => (server = started));

const credential = { apiKey: USER_KEY_MULTI, organizationId: ORG_GLOBEX, projectId: PROJECT_GLOBEX_RESEARCH };
const itemsOf = (result: Awaited<ReturnType<typeof runChat>>) => result.nodes[NODE_NAME].items;
const sent = (method: string, path: RegExp) => server.requests.filter((request) => request.method === method && path.test(request.path));
const fileOperation = (operation: string, parameters: Record<string, unknown> = {}, inputItems?: Array<Record<string, unknown>>) =>
	runChat(server, { credential, inputItems, parameters: { resource: 'file', operation, ...parameters } });
const stored = (id: string) => server.state.files.find((file) => file.id === id);

/** A batch run to its end through the node: its JSONL input file (purpose batch) and its output file (batch_output). */
async function finishedBatch(): Promise<{ inputFileId: string; outputFileId: string }> {
	const result = await runChat(server, {
		credential,
		inputItems: [{ n: 0 }, { n: 1 }],
		parameters: {
			resource: 'batch',
			operation: 'submit',
			messages: { values: [{ role: 'user', content: '={{ "question " + $json.n }}' }] },
			waitForResults: true,
			pollIntervalSeconds: 0.1,
		},
	});
	expect(result.finished).toBe(true);
	const [batch] = server.state.batches.slice(-1);
	return { inputFileId: batch.inputFileId, outputFileId: String(batch.outputFileId) };
}

/** A file of another purpose, stored in the same project. */
function visionFile(id = 'file-vision00000000000000001'): string {
	server.state.files.push({
		id,
		organizationId: ORG_GLOBEX,
		projectId: PROJECT_GLOBEX_RESEARCH,
		filename: 'diagram.png',
		purpose: 'vision',
		bytes: 2048,
		createdAt: 1_760_000_000,
		expiresAt: null,
		content: 'not an image',
	});
	return id;
}

describe('File > Get Many', () => {
	const listRequests = () => sent('GET', /^\/v1\/files$/);

	test('the Purpose filter lists only the JSONL files Batch > Create uploaded, each readable, in one page of up to 10,000', async () => {
		const first = await finishedBatch();
		const second = await finishedBatch();
		visionFile();
		server.clearRequests();

		const result = await fileOperation('getAll', { returnAll: true, filters: { purpose: 'batch' } });
		const items = itemsOf(result);
		expect(items.map((item) => item.id)).toEqual([second.inputFileId, first.inputFileId]);
		expect(Object.keys(items[0]).slice(0, 2)).toEqual(['filename', 'purpose']);
		expect(items[0]).toMatchObject({
			filename: expect.stringMatching(/^n8n-batch-[0-9a-f]+\.jsonl$/),
			purpose: 'batch',
			createdAtIso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			expiresAtIso: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			bytes: expect.any(Number),
		});
		expect(listRequests().map((request) => request.query)).toEqual([{ limit: '10000', purpose: 'batch' }]);
		expectNoFullKeyIn(result, server.requests);
	});

	test('Return All over more files than one page holds (10,000) reads the next page with after', async () => {
		const ids = Array.from({ length: 10_003 }, (_, n) => visionFile(`file-vision${String(n).padStart(16, '0')}`)).reverse();
		const result = await fileOperation('getAll', { returnAll: true, filters: { purpose: 'vision' } });
		expect(itemsOf(result).map((item) => item.id)).toEqual(ids);
		expect(listRequests().map((request) => request.query)).toEqual([
			{ limit: '10000', purpose: 'vision' },
			{ limit: '10000', purpose: 'vision', after: ids[9_999] },
		]);
	});

	test('a Limit reads one page of that size; Oldest First asks OpenAI for that order', async () => {
		const batch = await finishedBatch();
		const vision = visionFile();
		server.clearRequests();

		const newest = await fileOperation('getAll', { limit: 1 });
		expect(itemsOf(newest).map((item) => item.id)).toEqual([vision]);
		const oldest = await fileOperation('getAll', { limit: 2, filters: { order: 'asc', purpose: 'batch' } });
		expect(itemsOf(oldest).map((item) => item.id)).toEqual([batch.inputFileId]);
		expect(listRequests().map((request) => request.query)).toEqual([{ limit: '1' }, { limit: '2', order: 'asc', purpose: 'batch' }]);
	});
});

describe('File > Delete', () => {
	const deletes = () => sent('DELETE', /^\/v1\/files\//);

	test('a Dry Run plans the delete of a batch input file and changes nothing; live, the file is gone', async () => {
		const { inputFileId } = await finishedBatch();
		const file = stored(inputFileId)!;
		server.clearRequests();

		const plan = await fileOperation('delete', { fileId: inputFileId, dryRun: true, reason: 'results read' });
		expect(itemsOf(plan)).toEqual([
			expect.objectContaining({
				filename: file.filename,
				purpose: 'batch',
				id: inputFileId,
				dryRun: true,
				wouldDelete: true,
				plan: `Would delete file "${file.filename}" (${inputFileId}, batch, ${file.bytes} bytes): results read`,
			}),
		]);
		expect(deletes()).toEqual([]);
		expect(stored(inputFileId)).toBeDefined();

		const deleted = itemsOf(await fileOperation('delete', { fileId: inputFileId }));
		expect(deleted).toEqual([expect.objectContaining({ filename: file.filename, id: inputFileId, deleted: true })]);
		expect(deletes().map((request) => request.path)).toEqual([`/v1/files/${inputFileId}`]);
		expect(stored(inputFileId)).toBeUndefined();
	});

	test('a file already gone when checked is a 404 naming it, and no delete is sent', async () => {
		const { inputFileId } = await finishedBatch();
		await fileOperation('delete', { fileId: inputFileId });
		server.clearRequests();

		const again = await fileOperation('delete', { fileId: inputFileId });
		expect(again.error?.message).toMatch(new RegExp(inputFileId));
		expect(again.error?.httpCode).toBe('404');
		expect(deletes()).toEqual([]);
	});

	test('a delete whose answer was lost is sent again, and the 404 of the file already gone counts as done', async () => {
		const { outputFileId } = await finishedBatch();
		server.faults.add({ kind: 'reset_after', method: 'DELETE', times: 1 });

		const result = await fileOperation('delete', { fileId: outputFileId });
		expect(result.error).toBeUndefined();
		expect(itemsOf(result)).toEqual([expect.objectContaining({ id: outputFileId, purpose: 'batch_output', deleted: true, alreadyGone: true })]);
		expect(deletes()).toHaveLength(2);
		expect(stored(outputFileId)).toBeUndefined();
	});

	test('more items than Max Files per Run, or a malformed ID, are refused before any request', async () => {
		const tooMany = await fileOperation('delete', { fileId: '={{ $json.id }}', maxPerRun: 1 }, [{ id: 'file-a1' }, { id: 'file-b2' }]);
		expect(tooMany.error?.message).toBe('2 items would delete 2 files, more than "Max Files per Run" (1); nothing was deleted');
		const malformed = await fileOperation('delete', { fileId: 'batch_abc' });
		expect(malformed.error?.message).toBe('"File ID" must look like file-…, not "batch_abc"');
		expect(server.requests).toEqual([]);
	});
});
