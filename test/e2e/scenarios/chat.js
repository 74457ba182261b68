'use strict';
/** The OpenAI Chat (Organization) node inside a real n8n: which organization each call runs under. */
const { itemsJson, why, succeeded, failedWith, apiRequests, header } = require('../lib/expectations');

const CHAT = '/v1/chat/completions';

module.exports = [
	{
		workflow: 'chat-credential-organization.json',
		async verify({ run, requests, check, server, F }) {
			const [answer] = itemsJson(run, 'Chat');
			const chats = apiRequests(requests, 'POST', CHAT);
			check('chat with a user key runs and answers', succeeded(run) && typeof answer?.content === 'string' && answer.content.length > 0, `${why(run)}; ${JSON.stringify(answer)}`);
			check('the credential organization goes out as OpenAI-Organization', chats.length === 1 && header(chats[0], 'openai-organization') === F.ORG_GLOBEX, JSON.stringify(chats.map((r) => r.headers)));
			check('the output says which organization was used', answer?.organizationId === F.ORG_GLOBEX, answer?.organizationId);
			const billed = (await server.state()).chatCompletions.map((completion) => completion.organizationId);
			check('the test server billed the completion to that organization', JSON.stringify(billed) === JSON.stringify([F.ORG_GLOBEX]), JSON.stringify(billed));
		},
	},
	{
		workflow: 'chat-organization-override.json',
		async verify({ run, requests, check, server, F }) {
			const [answer] = itemsJson(run, 'Chat');
			const chats = apiRequests(requests, 'POST', CHAT);
			check("the node's Organization ID overrides the credential's", succeeded(run) && chats.length === 1 && header(chats[0], 'openai-organization') === F.ORG_ACME, `${why(run)}; ${JSON.stringify(chats.map((r) => header(r, 'openai-organization')))}`);
			const billed = (await server.state()).chatCompletions.map((completion) => completion.organizationId);
			check('the override organization is billed and named in the output', answer?.organizationId === F.ORG_ACME && JSON.stringify(billed) === JSON.stringify([F.ORG_ACME]), JSON.stringify({ output: answer?.organizationId, billed }));
		},
	},
	{
		workflow: 'chat-continue-on-fail.json',
		verify({ run, check }) {
			const items = run.itemsOf('Chat');
			const [first, second, third] = items.map((item) => item.json);
			check('with continue on fail the chat workflow succeeds although one item fails', succeeded(run), why(run));
			check('chat puts out one item per input item, paired in order', items.length === 3 && items.every((item, index) => item.pairedItem?.item === index), JSON.stringify(items.map((item) => item.pairedItem)));
			check('the item with an unknown organization becomes an error item in plain words', /does not exist or this key cannot see it/.test(second?.error ?? ''), JSON.stringify(second));
			check('the other items are answered', [first, third].every((answer) => typeof answer?.content === 'string' && !answer.error), JSON.stringify([first, third]));
		},
	},
	{
		workflow: 'chat-admin-key.json',
		verify({ run, check }) {
			check('chat with an Admin key fails with "needs a project or user API key"', failedWith(run, 'Chat', /need a project or user API key, not an Admin key/), why(run));
		},
	},
	{
		workflow: 'chat-mismatched-organization.json',
		verify({ run, requests, check, F }) {
			const chats = apiRequests(requests, 'POST', CHAT);
			check('chat with a key outside the organization fails naming it', failedWith(run, 'Chat', new RegExp(`does not belong to organization ${F.ORG_GLOBEX}`)), why(run));
			check('the refused chat request went out once, with that organization', chats.length === 1 && header(chats[0], 'openai-organization') === F.ORG_GLOBEX, JSON.stringify(chats.map((r) => header(r, 'openai-organization') ?? null)));
		},
	},
];
