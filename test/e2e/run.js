'use strict';
/**
 * The end-to-end suite: the packed package inside the pinned real n8n, against the OpenAI test server.
 * `npm run test:e2e [-- --allow-missing-nodes]`. One line per check; the last line is `N passed, M failed`.
 * --allow-missing-nodes: when package.json lists a node that is not built yet, still run the rest
 * (the missing node is a failed check either way).
 * --editor-only: only the editor checks and the browser suite (skips the workflow runs, examples and demo), for
 * working on the editor; the full run is what CI runs.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const packaging = require('./lib/packaging');
const { createN8n, waitForHealth, ownerSession, loadedTypes, freePort, testCredential } = require('./lib/n8n');
const { runCommand, stopAllProcesses, stopAllOnExit } = require('./lib/processes');
const { createReport } = require('./lib/report');
const { startTestServer, loadFixtures } = require('./lib/testServer');
const { readWorkflow, readExamples } = require('./lib/workflows');
const { e2eCredentials, CREDENTIAL_FOR_NODE_TYPE } = require('./credentials');
const { leaksAnyKey, succeeded, why } = require('./lib/expectations');
const { runBrowserSuite } = require('./browser');

const ENCRYPTION_KEY = 'openai-org-e2e-encryption-key-0001';
const OWNER = { email: 'e2e-owner@n8n-nodes-openai-org.local', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Owner-password-1' };
const SCREENSHOT = path.join(__dirname, 'artifacts', 'editor.png');
const SCREENSHOT_WORKFLOW = 'e2eEditorShot001';
const PROJECTS_NODE = 'n8n-nodes-openai-org.openAiProjects';

const report = createReport();
const temporary = [];

function scenarioFiles() {
	return fs
		.readdirSync(path.join(__dirname, 'scenarios'))
		.filter((file) => file.endsWith('.js'))
		.sort()
		.flatMap((file) => require(path.join(__dirname, 'scenarios', file)));
}

async function preparePackage(options) {
	const build = await packaging.buildPackage();
	report.check('npm run build succeeds', build.code === 0, (build.stdout + build.stderr).split('\n').filter((line) => /error/i.test(line)).slice(0, 5).join('\n'));
	const tarball = await packaging.packPackage();
	temporary.push(path.dirname(tarball));
	const binary = await packaging.installN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-e2e-n8n-'));
	temporary.push(userFolder);
	const installed = await packaging.installCommunityPackage(userFolder, tarball);
	const missing = packaging.missingPackageEntries(installed);
	report.check('the tarball holds every node and credential that package.json lists', missing.length === 0, `missing: ${missing.join(', ')}`);
	if (missing.length && options.allowMissingNodes) {
		packaging.dropMissingEntries(installed, missing);
		report.note(`--allow-missing-nodes: running without ${missing.join(', ')}`);
	}
	return { tarball, binary, userFolder };
}

async function runScenario(n8n, server, scenario, context) {
	await server.reset();
	if (scenario.before) await scenario.before(server);
	const workflow = context.workflows.get(scenario.workflow);
	const run = await n8n.execute(workflow.id);
	const requests = await server.requests();
	await scenario.verify({ run, requests, server, check: report.check, F: context.F });
	report.check(`${scenario.workflow}: no full API key in n8n's output`, !leaksAnyKey(run.stdout + run.stderr, context.F.ALL_FIXTURE_KEYS));
}

async function runExample(n8n, server, example, F) {
	await server.reset();
	if (example.swapped.length) report.note(`${example.file}: Schedule Trigger "${example.swapped.join('", "')}" runs as a Manual Trigger (n8n execute cannot start a schedule)`);
	const run = await n8n.execute(example.workflow.id);
	report.check(`example ${example.file} runs to success`, succeeded(run), why(run));
	for (const node of example.workflow.nodes.filter((candidate) => CREDENTIAL_FOR_NODE_TYPE[candidate.type])) {
		const items = run.itemsOf(node.name);
		const errors = items.filter((item) => item.json?.error);
		report.check(`example ${example.file}: "${node.name}" puts out items without errors`, items.length > 0 && errors.length === 0, `${items.length} items, ${errors.length} errors: ${JSON.stringify(errors[0]?.json ?? {})}`);
	}
	report.check(`example ${example.file}: no full API key in n8n's output`, !leaksAnyKey(run.stdout + run.stderr, F.ALL_FIXTURE_KEYS));
	const refused = (await server.requests()).filter((request) => (request.status ?? 200) >= 400 && !request.fault);
	report.check(`example ${example.file}: the test server refused no request`, refused.length === 0, JSON.stringify(refused.slice(0, 3).map((r) => `${r.method} ${r.path} ${r.status}`)));
}

/** The credential's "Test" button in the editor, for each kind of key, against the test server. */
async function checkCredentialTests(n8n, cookie, server, F) {
	const test = async (apiKey, organizationId = '') => {
		await server.reset();
		const data = { apiKey, organizationId, projectId: '', baseUrl: server.url };
		const result = await testCredential(n8n.baseUrl, cookie, { name: 'e2e credential test', type: 'openAiOrgApi', data });
		return { result, requests: await server.requests() };
	};
	const admin = await test(F.ADMIN_KEY_ACME);
	report.check('the credential test passes an Admin key', admin.result.status === 'OK', JSON.stringify(admin.result));
	report.check('an Admin key is tested on the projects list (limit 1)', admin.requests.length === 1 && admin.requests[0].path === '/v1/organization/projects' && admin.requests[0].query.limit === '1', JSON.stringify(admin.requests.map((r) => `${r.method} ${r.path}`)));
	const project = await test(F.PROJECT_KEY_ACME);
	report.check('the credential test passes a project key, tested on /models', project.result.status === 'OK' && project.requests.map((r) => r.path).join() === '/v1/models', JSON.stringify(project.result));
	const bad = await test(F.BAD_KEY);
	// n8n 2.8 answers any 401 of a credential test with its own "Authorization failed" text and drops the
	// credential's rule messages (NodeError loses its cause), so only the verdict is checked here; the nodes
	// themselves explain which case it is (see the workflow checks above).
	report.check('the credential test refuses a wrong key', bad.result.status === 'Error', JSON.stringify(bad.result));
	const mismatched = await test(F.USER_KEY_ACME_ONLY, F.ORG_GLOBEX);
	report.check('the credential test refuses a key used with another organization, sending that organization', mismatched.result.status === 'Error' && mismatched.requests[0]?.headers['openai-organization'] === F.ORG_GLOBEX, JSON.stringify(mismatched.result));
	const ownOrganization = await test(F.USER_KEY_MULTI, F.ORG_GLOBEX);
	report.check('the credential test passes a user key with one of its organizations', ownOrganization.result.status === 'OK', JSON.stringify(ownOrganization.result));
	report.check('the credential test answers name no full key', !leaksAnyKey(JSON.stringify([admin, project, bad, mismatched, ownOrganization].map((t) => t.result)), F.ALL_FIXTURE_KEYS));
}

/** The editor: every listed type loaded, the credential test, and a screenshot of the Projects node on the canvas. */
async function checkEditor(n8n, server, F, credentials) {
	const child = n8n.start();
	try {
		await waitForHealth(n8n.baseUrl, child);
		report.check('n8n start answers /healthz with the package installed', true);
		const cookie = await ownerSession(n8n.baseUrl, OWNER);
		report.check('the owner account is set up and logged in through the REST API', Boolean(cookie));
		const loaded = await loadedTypes(n8n.baseUrl, cookie);
		const listed = packaging.listedTypes();
		const expectedNodes = packaging.readPackageJson().n8n.nodes.length;
		report.check(`n8n loaded all ${expectedNodes} nodes of the package`, listed.nodes.length === expectedNodes && listed.nodes.every((type) => loaded.nodes.includes(type)), `listed ${JSON.stringify(listed.nodes)}; loaded ${JSON.stringify(loaded.nodes.filter((type) => type.startsWith('n8n-nodes-openai-org.')))}`);
		report.check('n8n loaded the package credentials', listed.credentials.length > 0 && listed.credentials.every((type) => loaded.credentials.includes(type)), JSON.stringify(listed.credentials));
		await checkCredentialTests(n8n, cookie, server, F);
		const shot = await runCommand(process.execPath, ['--experimental-websocket', path.join(__dirname, 'screenshot.js'), '--url', `${n8n.baseUrl}/workflow/${SCREENSHOT_WORKFLOW}`, '--node-type', PROJECTS_NODE, '--out', SCREENSHOT], { env: { ...process.env, N8N_AUTH_COOKIE: cookie }, timeoutMs: 120_000 });
		if (report.check('headless Chromium shows the OpenAI Projects node on the editor canvas', shot.code === 0 && fs.existsSync(SCREENSHOT), shot.stderr.trim())) {
			process.stdout.write(`artifact: ${SCREENSHOT}\n`);
		}
		await server.reset();
		try {
			const shots = await runBrowserSuite({ baseUrl: n8n.baseUrl, cookie, serverUrl: server.url, F, credentials, check: report.check, note: report.note });
			for (const file of shots) process.stdout.write(`artifact: ${file}\n`);
		} catch (error) {
			report.check('browser: the browser suite runs (Debian\'s headless Chromium driven by playwright-core)', false, error.stack);
		}
	} catch (error) {
		report.check('the editor comes up with the package loaded', false, `${error.message}\n${child.output.slice(-1500)}`);
	} finally {
		await n8n.stop(child);
	}
}

/** `npm run demo -- --check` on free ports and a throw-away folder, so it never touches a running demo. */
async function checkDemo(tarball) {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-e2e-demo-'));
	temporary.push(home);
	const env = { ...process.env, DEMO_USER_FOLDER: home, DEMO_N8N_PORT: String(await freePort()), DEMO_SERVER_PORT: String(await freePort()) };
	const demo = await runCommand(process.execPath, [path.join(packaging.REPO_ROOT, 'scripts', 'demo.js'), '--check', `--tarball=${tarball}`], { env, timeoutMs: 180_000 });
	report.check('the demo starts, answers /healthz and lists the package nodes (demo --check)', demo.code === 0, (demo.stdout + demo.stderr).slice(-1500));
}

async function main(options) {
	const { tarball, binary, userFolder } = await preparePackage(options);
	const F = loadFixtures();
	const server = await startTestServer({ args: ['--projects', '537'] });
	const n8n = await createN8n({ binary, userFolder, encryptionKey: ENCRYPTION_KEY });
	const credentials = e2eCredentials(server.url, F);
	await n8n.importCredentials(credentials);

	const scenarios = scenarioFiles();
	const workflows = new Map(scenarios.map((scenario) => [scenario.workflow, readWorkflow(path.join(__dirname, 'workflows', scenario.workflow), F)]));
	workflows.set('screenshot', readWorkflow(path.join(__dirname, 'workflows', 'projects-editor-screenshot.json'), F));
	workflows.set('browser', readWorkflow(path.join(__dirname, 'workflows', 'browser-pickers.json'), F));
	const examples = readExamples(path.join(packaging.REPO_ROOT, 'examples'), CREDENTIAL_FOR_NODE_TYPE, credentials);
	report.check('the README example workflows are there to run (examples/*.json)', examples.length > 0, 'no examples/*.json yet');
	await n8n.importWorkflows([...workflows.values(), ...examples.map((example) => example.workflow)]);

	if (options.editorOnly) {
		report.note('--editor-only: the workflow runs, the examples and the demo are skipped');
	} else {
		for (const scenario of scenarios) await runScenario(n8n, server, scenario, { F, workflows });
		for (const example of examples) await runExample(n8n, server, example, F);
	}

	await checkEditor(n8n, server, F, credentials);
	await server.stop();
	if (!options.editorOnly) await checkDemo(tarball);
}

stopAllOnExit(() => {
	for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
	process.stdout.write(`\nInterrupted: every process the suite started is stopped.\n${report.summary()}\n`);
});
const started = Date.now();
main({ allowMissingNodes: process.argv.includes('--allow-missing-nodes'), editorOnly: process.argv.includes('--editor-only') })
	.catch((error) => report.check('the suite runs to its end', false, error.stack))
	.finally(async () => {
		await stopAllProcesses();
		for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
		report.note(`took ${Math.round((Date.now() - started) / 1000)} s`);
		process.stdout.write(`${report.summary()}\n`);
		process.exitCode = report.failed ? 1 : 0;
	});
