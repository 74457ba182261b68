import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { searchProjects } from '../../../nodes/OpenAiProjects/methods/listSearch';
import { getProjects } from '../../../nodes/shared/methods/loadOptions';
import { searchModels } from '../../../nodes/OpenAiOrgChat/methods/listSearch';
import { pickerError, PICKER_MESSAGE_LIMIT } from '../../../nodes/shared/methods/pickerErrors';
import { ADMIN_KEY_ACME, BAD_KEY, PROJECT_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { pickerContext as sharedPickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';

const LAST = 'Sales Triage Bot - EU';
// 500 projects; the three "Sales Triage" ones are spread so that the exact name is the very last one listed.
const seeded: SeedProject[] = Array.from({ length: 500 }, (_, index) => ({
	name: index === 40 ? 'Sales triage (old)' : index === 260 ? 'Sales Triage Bot - US' : `Team project ${index}`,
	created_at: 1_700_000_000 + index * 60,
}));
seeded[499] = { name: LAST, created_at: 1_700_000_000 + 499 * 60 };

let server: OpenAiTestServer;
serveTestServer({ projects: seeded }, (started) => (server = started));

function pickerContext(credential: IDataObject): ILoadOptionsFunctions {
	return sharedPickerContext({ credential });
}

const admin = () => pickerContext({ apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url });
const projectListRequests = () => server.requests.filter((request) => request.path === '/v1/organization/projects');

describe('the project picker searches the whole organization', () => {
	test(`finds the exact name "${LAST}" on the last page`, async () => {
		const { results, paginationToken } = await searchProjects.call(admin(), LAST);
		expect(results[0]?.name).toBe(LAST);
		expect(paginationToken).toBeUndefined();
		// 501 projects (with the Default one): the walk read every page, 100 at a time.
		expect(projectListRequests()).toHaveLength(6);
	});

	test('finds every match of a partial name across pages, case-insensitive', async () => {
		const { results } = await searchProjects.call(admin(), 'sales triage');
		expect(results.map((result) => result.name).sort()).toEqual(['Sales Triage Bot - EU', 'Sales Triage Bot - US', 'Sales triage (old)']);
	});

	test('stops at a screenful of matches and offers the rest with a token', async () => {
		const first = await searchProjects.call(admin(), 'team project');
		expect(first.results.length).toBeGreaterThanOrEqual(20);
		expect(first.results.length).toBeLessThanOrEqual(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		expect(projectListRequests()).toHaveLength(1);
		const names = new Set(first.results.map((result) => result.name));
		let token = first.paginationToken as string | undefined;
		for (let call = 0; token && call < 30; call++) {
			const next = await searchProjects.call(admin(), 'team project', token);
			for (const result of next.results) names.add(result.name);
			expect(next.paginationToken).not.toBe(token);
			token = next.paginationToken as string | undefined;
		}
		expect(token).toBeUndefined();
		expect(names.size).toBe(497);
	});

	test('finds a project by its exact ID, wherever it is listed', async () => {
		const last = server.state.projects.find((project) => project.name === LAST);
		const { results } = await searchProjects.call(admin(), last?.id ?? '');
		expect(results[0]).toEqual(expect.objectContaining({ name: LAST, value: last?.id }));
	});

	test('without a search, the first page and a token for the next', async () => {
		const { results, paginationToken } = await searchProjects.call(admin());
		expect(results).toHaveLength(100);
		expect(paginationToken).toBe(results[99].value);
	});
});

describe('picker failures show their message in the editor', () => {
	test('a refused key: a short NodeOperationError (the editor prints a NodeApiError as "[object Object]")', async () => {
		const project = pickerContext({ apiKey: PROJECT_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url });
		for (const run of [() => searchProjects.call(project, 'x'), () => getProjects.call(project)]) {
			const error = await run().then(
				() => undefined,
				(thrown: unknown) => thrown,
			);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error).not.toBeInstanceOf(NodeApiError);
			const { message } = error as Error;
			expect(message).toMatch(/^This operation needs an OpenAI Admin API key \(HTTP 401\)$/);
			expect(message.length).toBeLessThanOrEqual(PICKER_MESSAGE_LIMIT + 12);
			expect(message).not.toContain(PROJECT_KEY_ACME);
		}
	});

	test('the model picker too', async () => {
		const wrong = pickerContext({ apiKey: BAD_KEY, organizationId: '', projectId: '', baseUrl: server.url });
		await expect(searchModels.call(wrong)).rejects.toBeInstanceOf(NodeOperationError);
	});

	test('a long message is cut short', () => {
		const context = admin();
		const error = pickerError.call(context, new Error('word '.repeat(100)));
		expect(error.message.length).toBeLessThanOrEqual(PICKER_MESSAGE_LIMIT);
		expect(error.message.endsWith('…')).toBe(true);
	});
});
