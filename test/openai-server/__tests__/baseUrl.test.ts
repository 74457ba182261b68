/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { PROJECT_KEY_ACME, startOpenAiTestServer, type OpenAiTestServer } from '..';

/** A Base URL that misses /v1, or points at a web site, as the credentials' Test button meets it. */
let server: OpenAiTestServer;
beforeAll(async () => {
	server = await startOpenAiTestServer();
});
afterAll(() => server.close());

const origin = () => new URL(server.url).origin;
const get = (url: string) => fetch(url, { headers: { authorization: `Bearer ${PROJECT_KEY_ACME}` } });

test('without /v1, the API answers OpenAI\'s JSON "Invalid URL" with the path it was given', async () => {
	const response = await get(`${origin()}/models`);
	expect(response.status).toBe(404);
	expect(await response.json()).toEqual({
		error: { message: 'Invalid URL (GET /models)', type: 'invalid_request_error', param: null, code: null },
	});
});

test('a path under /web/ answers an HTML 404 page, like a web site or a proxy\'s error page', async () => {
	const response = await get(`${origin()}/web/v1/models`);
	expect(response.status).toBe(404);
	expect(response.headers.get('content-type')).toMatch(/^text\/html/);
	expect((await response.text()).startsWith('<!DOCTYPE html>')).toBe(true);
});
