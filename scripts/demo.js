'use strict';
/**
 * `npm run demo`: the package inside a real n8n on 127.0.0.1:5678, against the local OpenAI test server on
 * 127.0.0.1:8787 (500 projects, 30 days of costs), with a sandbox credential and the example workflows.
 * Ctrl-C stops everything. `--check` exits once n8n is healthy and lists the package's nodes (CI).
 * `--tarball=<file>` skips build and pack. DEMO_USER_FOLDER, DEMO_N8N_PORT and DEMO_SERVER_PORT override
 * the defaults (the e2e suite uses them to stay clear of a running demo).
 */
const fs = require('node:fs');
const path = require('node:path');
const packaging = require('../test/e2e/lib/packaging');
const { createN8n, waitForHealth, ownerSession, loadedTypes } = require('../test/e2e/lib/n8n');
const { stopAllProcesses, stopAllOnExit, stopRequested } = require('../test/e2e/lib/processes');
const { startTestServer, loadFixtures } = require('../test/e2e/lib/testServer');
const { readExamples } = require('../test/e2e/lib/workflows');

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
	const server = await startTestServer({ port: SERVER_PORT, args: ['--projects', '500', '--costs-days', '30'] });
	const n8n = await createN8n({ binary, userFolder: USER_FOLDER, encryptionKey: ENCRYPTION_KEY, port: N8N_PORT });
	const credentials = sandboxCredentials(server.url, F);
	await n8n.importCredentials(credentials);
	const credentialForNodeType = {
		'n8n-nodes-openai-org.openAiProjects': ADMIN_CREDENTIAL.id,
		'n8n-nodes-openai-org.openAiOrgChat': CHAT_CREDENTIAL.id,
	};
	const examples = readExamples(path.join(packaging.REPO_ROOT, 'examples'), credentialForNodeType, credentials, { forCli: false });
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
	if (check) return;

	say();
	say(`n8n is running:          ${n8n.baseUrl}`);
	say(`  log in as              ${OWNER.email} / ${OWNER.password}`);
	say(`OpenAI test server:      ${server.url} (500 projects in "Acme Corp", 30 days of costs)`);
	say(`Credentials:             "${ADMIN_CREDENTIAL.name}" (OpenAI Admin API: Admin key, for OpenAI Projects)`);
	say(`                         "${CHAT_CREDENTIAL.name}" (OpenAI Organization API: project key, for chat)`);
	say(`Workflows imported:      ${examples.map((example) => example.workflow.name).join(', ') || '(no examples/*.json yet)'}`);
	say();
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
