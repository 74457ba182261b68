'use strict';
/**
 * `npm run demo`: the package inside a real n8n on 127.0.0.1:5678, against the local OpenAI test server on
 * 127.0.0.1:8787 (500 projects, 30 days of costs), with a sandbox credential and the example workflows.
 * Ctrl-C stops everything. `--check` (CI) proves the first click: once n8n is healthy and lists the package's nodes, it
 * runs every example as the editor's "Execute workflow" does, prints `example <file>: ok (<N> items)` or
 * `example <file>: failed: <message>` for each, checks with the test server's digest that the organization is
 * unchanged after all of them, and exits non-zero when anything failed.
 * `--tarball=<file>` skips build and pack. DEMO_USER_FOLDER, DEMO_N8N_PORT and DEMO_SERVER_PORT override
 * the defaults (the e2e suite uses them to stay clear of a running demo).
 */
const fs = require('node:fs');
const path = require('node:path');
const packaging = require('../test/e2e/lib/packaging');
const { createN8n, waitForHealth, ownerSession, loadedTypes } = require('../test/e2e/lib/n8n');
const { stopAllProcesses, stopAllOnExit, stopRequested } = require('../test/e2e/lib/processes');
const { startTestServer, loadFixtures } = require('../test/e2e/lib/testServer');
const { readExamples, postingToStandInChannel } = require('../test/e2e/lib/workflows');
const { builtNodes, credentialTypeByNodeType } = require('../test/e2e/lib/nodeCredentials');
const { editorRunner } = require('../test/e2e/lib/editorRuns');

const USER_FOLDER = process.env.DEMO_USER_FOLDER || path.join(packaging.cacheRoot(), 'demo');
const N8N_PORT = Number(process.env.DEMO_N8N_PORT || 5678);
const SERVER_PORT = Number(process.env.DEMO_SERVER_PORT || 8787);
// Fixed so the persistent demo folder can always decrypt its own credentials.
const ENCRYPTION_KEY = 'openai-org-demo-encryption-key-0001';
const OWNER = { email: 'demo@n8n-nodes-openai-org.local', firstName: 'Demo', lastName: 'Owner', password: 'Demo-password-1' };
// A new id for the Admin credential type: a demo folder from before keeps its old Organization credential.
const ADMIN_CREDENTIAL = { id: 'demoSandboxAdmn2', name: 'OpenAI Admin sandbox (local test server)' };
const CHAT_CREDENTIAL = { id: 'demoSandboxChat1', name: 'OpenAI sandbox chat (local test server)' };

const say = (line = '') => process.stdout.write(`${line}\n`);

function sandboxCredentials(baseUrl, F) {
	return [
		{ ...ADMIN_CREDENTIAL, type: 'openAiAdminApi', data: { apiKey: F.ADMIN_KEY_ACME, organizationId: '', baseUrl } },
		{ ...CHAT_CREDENTIAL, type: 'openAiOrgApi', data: { apiKey: F.PROJECT_KEY_ACME, organizationId: '', projectId: '', baseUrl } },
	];
}

/** Which credential each node of the package gets, in words, from the node descriptions. */
function credentialUse(credentials) {
	const nodes = builtNodes();
	const types = credentialTypeByNodeType(nodes);
	return credentials.map((credential) => {
		const users = Object.keys(types).filter((type) => types[type] === credential.type).map((type) => nodes.get(type).description.displayName);
		return `"${credential.name}" (${credential.type}, for ${users.join(', ') || 'no node'})`;
	});
}

function problemOf(run) {
	const error = run.error;
	if (error) return [error.message, error.description].filter(Boolean).join(': ').split('\n')[0].slice(0, 400);
	if (run.status !== 'success') return `the execution ended as "${run.status}"`;
	const errorItem = run.items.find((item) => item.json?.error);
	return errorItem ? `an error item: ${JSON.stringify(errorItem.json.error).slice(0, 300)}` : undefined;
}

/**
 * The first click of every example, in the running n8n: each runs from its trigger as "Execute workflow" does, and
 * the test server's digest of the organization must be the same after all of them. Answers whether all passed.
 */
async function checkExamples({ n8n, cookie, binary, server, examples }) {
	const started = Date.now();
	const runInEditor = editorRunner({ baseUrl: n8n.baseUrl, cookie, binary });
	const before = await server.digest();
	let failed = 0;
	for (const example of examples) {
		let line;
		try {
			const run = await runInEditor(example.workflow.id);
			const problem = problemOf(run);
			line = problem ? `failed: ${problem}` : `ok (${run.items.length} items)`;
			if (problem) failed++;
		} catch (error) {
			failed++;
			line = `failed: ${error.message.split('\n')[0]}`;
		}
		say(`example ${example.file}: ${line}`);
	}
	const after = await server.digest();
	const changed = Object.keys(before.parts).filter((part) => before.parts[part] !== after.parts[part]);
	if (changed.length) {
		failed++;
		say(`organization changed by the examples: ${changed.map((part) => `${part} (${before.counts[part]} → ${after.counts[part]})`).join(', ')}`);
	} else {
		say(`organization unchanged (digest ${after.digest})`);
	}
	say(`examples took ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return failed === 0;
}

async function tarballFromArguments(argv) {
	const given = argv.find((arg) => arg.startsWith('--tarball='));
	if (given) return given.slice('--tarball='.length);
	say('Building and packing the package...');
	const build = await packaging.buildPackage();
	if (build.code !== 0) throw new Error(`npm run build failed:\n${(build.stdout + build.stderr).slice(-2000)}`);
	return await packaging.packPackage();
}

async function main(argv) {
	const check = argv.includes('--check');
	const tarball = await tarballFromArguments(argv);
	const packedHere = !argv.some((arg) => arg.startsWith('--tarball='));
	say(`Checking n8n ${process.env.N8N_VERSION || 'the pinned 2.8.4'} in ${packaging.cacheRoot()} (installed once, about 5 minutes the first time)...`);
	const { binary, n8nVersion, nodeVersion } = await packaging.installN8n();
	say(`n8n ${n8nVersion} on Node ${nodeVersion}`);
	await packaging.installCommunityPackage(USER_FOLDER, tarball);
	if (packedHere) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

	const F = loadFixtures();
	const server = await startTestServer({ port: SERVER_PORT, args: ['--projects', '500', '--costs-days', '30', '--service-account', 'Deploy bot'] });
	const n8n = await createN8n({ binary, userFolder: USER_FOLDER, encryptionKey: ENCRYPTION_KEY, port: N8N_PORT });
	const credentials = sandboxCredentials(server.url, F);
	await n8n.importCredentials(credentials);
	const examples = readExamples(path.join(packaging.REPO_ROOT, 'examples'), credentials, { forCli: false }).map((example) => ({
		...example,
		workflow: postingToStandInChannel(example.workflow, server.channelUrl),
	}));
	if (examples.length) await n8n.importWorkflows(examples.map((example) => example.workflow));

	const child = n8n.start();
	await waitForHealth(n8n.baseUrl, child);
	const cookie = await ownerSession(n8n.baseUrl, OWNER);
	const loaded = await loadedTypes(n8n.baseUrl, cookie);
	const expected = packaging.listedTypes().nodes;
	const missing = expected.filter((type) => !loaded.nodes.includes(type));
	const listedCount = packaging.readPackageJson().n8n.nodes.length;
	if (missing.length || expected.length !== listedCount) {
		throw new Error(`n8n is up but lacks nodes of the package: expected ${listedCount}, loaded ${expected.length - missing.length} (${expected.filter((type) => loaded.nodes.includes(type)).join(', ')})`);
	}
	say(`n8n healthy at ${n8n.baseUrl}/healthz with nodes ${expected.join(', ')}`);
	if (check) {
		if (!(await checkExamples({ n8n, cookie, binary, server, examples }))) throw new Error('an example failed on its first click, or changed the organization (see above)');
		return;
	}

	say();
	say(`n8n is running:          ${n8n.baseUrl}`);
	say(`  log in as              ${OWNER.email} / ${OWNER.password}`);
	say(`OpenAI test server:      ${server.url} (500 projects in "Acme Corp", 30 days of costs)`);
	for (const [index, line] of credentialUse(credentials).entries()) say(`${index ? '                         ' : 'Credentials:             '}${line}`);
	say(`Workflows imported:      ${examples.map((example) => example.workflow.name).join(', ') || '(no examples/*.json yet)'}`);
	say();
	say(`Examples post to the test server's stand-in channel (${server.channelUrl}), not to the internet.`);
	say('Next: open the URL, log in, open a workflow and click "Execute workflow".');
	say('To use real OpenAI: create an "OpenAI Admin API" credential with your Admin key (for OpenAI Projects)');
	say('and an "OpenAI Organization API" credential with a project key (for chat), Base URL https://api.openai.com/v1.');
	say('Press Ctrl-C to stop n8n and the test server.');
	await child.exited;
	// Ctrl-C stops n8n first; the signal handler then says so and exits. Only an n8n that ended by itself is a failure.
	if (stopRequested()) return await new Promise(() => {});
	throw new Error(`n8n stopped on its own:\n${child.output.slice(-2000)}`);
}

stopAllOnExit(() => say('\nStopped n8n and the test server.'));
main(process.argv.slice(2))
	.then(() => stopAllProcesses())
	.then(() => process.exit(0))
	.catch(async (error) => {
		process.stderr.write(`demo failed: ${error.message}\n`);
		await stopAllProcesses();
		process.exit(1);
	});
