'use strict';
/** Runs test/openai-server as its own process and talks to its /__control API. */
const path = require('node:path');
const { REPO_ROOT } = require('./packaging');
const { startProcess, waitForOutput, stopProcess } = require('./processes');

const CLI = path.join(REPO_ROOT, 'test', 'openai-server', 'cli.ts');

/** The fixture keys and ids live in TypeScript; ts-node reads them so they are written down once. */
function loadFixtures() {
	require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
	return require(path.join(REPO_ROOT, 'test', 'openai-server', 'fixtures.ts'));
}

/** `args` are cli.ts options, e.g. ['--projects', '537']; port 0 picks a free port. */
async function startTestServer({ port = 0, args = [] } = {}) {
	const tsNode = require.resolve('ts-node/dist/bin.js', { paths: [REPO_ROOT] });
	const child = startProcess(
		process.execPath,
		[tsNode, '--transpile-only', CLI, '--host', '127.0.0.1', '--port', String(port), ...args],
		{ cwd: REPO_ROOT, env: { ...process.env, TS_NODE_PROJECT: path.join(REPO_ROOT, 'test', 'tsconfig.json') } },
	);
	const [, url] = await waitForOutput(child, /listening on (http:\/\/\S+\/v1)/, 60_000);
	const origin = new URL(url).origin;

	const control = async (method, route, body) => {
		const response = await fetch(`${origin}/__control/${route}`, {
			method,
			headers: body ? { 'content-type': 'application/json' } : {},
			body: body ? JSON.stringify(body) : undefined,
		});
		if (!response.ok) throw new Error(`${method} /__control/${route} answered ${response.status}: ${await response.text()}`);
		return await response.json();
	};

	return {
		url,
		process: child,
		/** Back to the seeded state, with no faults and no recorded requests. */
		reset: () => control('POST', 'reset'),
		requests: () => control('GET', 'requests'),
		state: () => control('GET', 'state'),
		/** The test server's own digest of what an admin can change (`{digest, parts, counts}`); reads leave it as it is. */
		digest: () => control('GET', 'digest'),
		addFault: (rule) => control('POST', 'faults', rule),
		/** Audit-log events that happen now (`[{type, project_id?, actor_email?, …}]`); answers them as the API lists them. */
		appendAuditEvents: async (events) => (await control('POST', 'audit_logs', { events })).data,
		/** What workflows posted to the stand-in channel (`<origin>/__control/channel`). */
		channelMessages: () => control('GET', 'channel'),
		channelUrl: `${origin}/__control/channel`,
		stop: () => stopProcess(child),
	};
}

module.exports = { startTestServer, loadFixtures };
