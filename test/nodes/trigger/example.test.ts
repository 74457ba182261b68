import { loadWorkflow, pollTrigger } from '../../harness';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { admin, append, clock, serverOptions, useClock } from '../audit/support';

const EXAMPLE = 'examples/audit-trigger-post-new-api-key-and-member-events.json';

describe('Example "Post new API-key and member events to a channel": its trigger', () => {
	let server: OpenAiTestServer;
	useClock();
	serveTestServer(serverOptions(), (started) => (server = started));

	it('emits the new API-key and member events only, once, after an activation that emits nothing', async () => {
		const workflow = loadWorkflow(EXAMPLE);
		const credentialId = Object.values(workflow.nodes[0].credentials ?? {})[0]?.id ?? '';
		const credentials = { [credentialId]: { apiKey: admin.apiKey, organizationId: '', baseUrl: server.url } };

		const activation = await pollTrigger(workflow, { credentials });
		expect(activation.error).toBeUndefined();
		expect(activation.items).toEqual([]);

		clock.advance(60);
		const appended = append(server, [
			{ type: 'api_key.created' },
			{ type: 'login.succeeded' },
			{ type: 'invite.sent' },
			{ type: 'project.created' },
			{ type: 'user.deleted' },
		]);
		clock.advance(60);
		const next = await pollTrigger(workflow, { credentials, staticData: activation.staticData });
		const watched = appended.filter((event) => ['api_key.created', 'invite.sent', 'user.deleted'].includes(event.type));
		expect(next.items.map((item) => item.id)).toEqual(watched.map((event) => event.id));

		clock.advance(60);
		expect((await pollTrigger(workflow, { credentials, staticData: next.staticData })).items).toEqual([]);
	});
});
