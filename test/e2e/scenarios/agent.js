'use strict';
/**
 * n8n's own AI Agent calls OpenAI Projects as a tool (issue 32): n8n's OpenAI Chat Model points at the test server,
 * whose model answers the first turn with a call of the tool and the second with how many entries the tool returned.
 * The answer is held against the test server's own state, so the agent must really have run our node.
 */
const { itemsJson, why, succeeded, apiRequests } = require('../lib/expectations');

const CHAT = '/v1/chat/completions';
const LIST = '/v1/organization/projects';

module.exports = [
	{
		workflow: 'agent-projects-tool.json',
		async verify({ run, requests, check, server, F }) {
			const [answer] = itemsJson(run, 'AI Agent');
			const chats = apiRequests(requests, 'POST', CHAT);
			const lists = apiRequests(requests, 'GET', LIST);
			const active = (await server.state()).projects.filter((project) => project.organizationId === F.ORG_ACME && project.archivedAt === null).length;
			check('the AI Agent workflow runs', succeeded(run), why(run));
			check('the agent asked the model twice: once offered the tool, once with what the tool returned', chats.length === 2 && chats.every((request) => Array.isArray(request.body?.tools) && request.body.tools.length === 1), JSON.stringify(chats.map((request) => request.body?.tools?.map((tool) => tool.function?.name))));
			check('the second request hands the tool\'s answer back as a tool message', chats[1]?.body?.messages?.some((message) => message.role === 'tool'), JSON.stringify(chats[1]?.body?.messages?.map((message) => message.role)));
			check('our node ran as the tool: it listed the projects with the Admin key', lists.length >= 1, `${lists.length} list requests`);
			check(`the agent's final answer carries the count the tool returned (${active} active Acme projects)`, typeof answer?.output === 'string' && answer.output.includes(`returned ${active} entries`), JSON.stringify(answer));
		},
	},
];
