import { validateRecordedRequests } from '../contract/openapi';
import { startOpenAiTestServer } from '../openai-server';
import type { OpenAiTestServer, RecordedRequest } from '../openai-server';

type ServerOptions = Parameters<typeof startOpenAiTestServer>[0];

/**
 * What every node test checks of the requests it caused: each is one OpenAI's contract allows, and none carries an
 * empty OpenAI-Organization or OpenAI-Project header (OpenAI rejects an empty one).
 */
export function expectRequestsFollowContract(requests: RecordedRequest[]): void {
	expect(validateRecordedRequests(requests)).toEqual([]);
	for (const request of requests) {
		expect(request.headers['openai-organization']).not.toBe('');
		expect(request.headers['openai-project']).not.toBe('');
	}
}

/**
 * The one test server set-up of the node tests: started once for a test file (or describe block) with these
 * options; after every test, what the test made the nodes send is checked against the contract, and the server is
 * reset (state, recordings, faults); it is closed at the end.
 */
export function serveTestServer(options: ServerOptions, onStart: (server: OpenAiTestServer) => void): void {
	let server: OpenAiTestServer;
	beforeAll(async () => {
		server = await startOpenAiTestServer(options);
		onStart(server);
	});
	afterEach(() => {
		expectRequestsFollowContract(server.requests);
		server.reset();
	});
	afterAll(async () => await server.close());
}
