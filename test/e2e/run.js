'use strict';
/**
 * The end-to-end suite: the packed package inside the pinned real n8n, against the OpenAI test server.
 * `npm run test:e2e [-- --allow-missing-nodes]`. One line per check; the last line is `N passed, M failed`.
 * --allow-missing-nodes: when package.json lists a node that is not built yet, still run the rest
 * (the missing node is a failed check either way).
 * --editor-only: only the editor checks and the browser suite (skips the workflow runs, examples and demo), for
 * working on the editor; the full run is what CI runs.
 * --only=<word>: only the scenarios and examples whose file name holds <word> (case-insensitive), plus n8n loading
 * the package and the credential Test button; skips the screenshot, the browser suite and the demo. For working on
 * one area; the full run is what CI runs.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const packaging = require('./lib/packaging');
const { createN8n, waitForHealth, ownerSession, loadedTypes, freePort, testCredential } = require('./lib/n8n');
const { runCommand, stopAllProcesses, stopAllOnExit } = require('./lib/processes');
const { createReport } = require('./lib/report');
const { startTestServer, loadFixtures } = require('./lib/testServer');
const { readWorkflow, readExamples, postingToStandInChannel } = require('./lib/workflows');
const { e2eCredentials, EXAMPLE_CREDENTIAL_OF_TYPE } = require('./credentials');
const { leaksAnyKey, succeeded, why } = require('./lib/expectations');
const { runBrowserSuite } = require('./browser');
const { isTriggerExample, checkTriggerExample } = require('./trigger');

const ENCRYPTION_KEY = 'openai-org-e2e-encryption-key-0001';
const OWNER = { email: 'e2e-owner@n8n-nodes-openai-org.local', firstName: 'E2E', lastName: 'Owner', password: 'E2e-Owner-password-1' };
const SCREENSHOT = path.join(__dirname, 'artifacts', 'editor.png');
const SCREENSHOT_WORKFLOW = 'e2eEditorShot001';
const PACKAGE_PREFIX = `${packaging.readPackageJson().name}.`;
const PROJECTS_NODE = `${PACKAGE_PREFIX}openAiProjects`;

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
	const { binary, n8nVersion, nodeVersion } = await packaging.installN8n();
	report.note(`n8n ${n8nVersion} on Node ${nodeVersion} (${binary})`);
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
	// The package's nodes the run reached: a branch a Dry Run holds back (the rotation's create, the template's
	// changes) is not taken on the first click.
	const reached = example.workflow.nodes.filter((candidate) => candidate.type.startsWith(PACKAGE_PREFIX) && run.ran(candidate.name));
	report.check(`example ${example.file}: the run reached a node of the package`, reached.length > 0, 'none ran');
	for (const node of reached) {
		const items = run.itemsOf(node.name);
		const errors = items.filter((item) => item.json?.error);
		report.check(`example ${example.file}: "${node.name}" puts out items without errors`, items.length > 0 && errors.length === 0, `${items.length} items, ${errors.length} errors: ${JSON.stringify(errors[0]?.json ?? {})}`);
	}
	report.check(`example ${example.file}: no full API key in n8n's output`, !leaksAnyKey(run.stdout + run.stderr, F.ALL_FIXTURE_KEYS));
	const refused = (await server.requests()).filter((request) => (request.status ?? 200) >= 400 && !request.fault);
	report.check(`example ${example.file}: the test server refused no request`, refused.length === 0, JSON.stringify(refused.slice(0, 3).map((r) => `${r.method} ${r.path} ${r.status}`)));
}

/**
 * What the Test button must say, word for word, per cause (the words of nodes/shared/authProblems.ts, written
 * out here so a change of wording is a visible change of this suite).
 */
const TEST_SAYS = {
	ok: 'Connection successful!',
	mismatchedOrganization: 'The API key does not belong to the organization in "Organization ID". Remove the Organization ID from the credential, or use an API key from that organization. A key belongs to the organization it was created in.',
	unknownKey: 'OpenAI does not recognise this API key. Copy the key again into "API Key": it may be incomplete, or it was revoked or belongs to another account.',
	unknownOrganization: 'The organization in "Organization ID" does not exist or this key cannot see it. Check the Organization ID in the credential (platform.openai.com/settings/organization/general shows it), or leave it empty to use the key\'s own organization.',
	noOrganization: 'The owner of this API key is not a member of any OpenAI organization. Join or create an organization at platform.openai.com, then create a new key there.',
	mismatchedProject: 'The API key does not belong to the project in "Project ID". Remove the Project ID, or use a key from that project: a project key (sk-proj-…) only works in its own project.',
	unknownProject: 'The project in "Project ID" does not exist in this organization, or it is archived. Check the Project ID (it looks like proj_AbC123…), or leave it empty to use the key\'s own project.',
	adminKeyNeeded: 'This operation needs an OpenAI Admin API key. This key is a project or user key, and only an Admin key (it starts with sk-admin-) manages projects, costs and usage. Create one at platform.openai.com/settings/organization/admin-keys (organization owners only) and put it in the credential (the Admin nodes take an "OpenAI Admin (Projects, Organization, Trigger) API" credential).',
	chatKeyNeeded: 'Chat and models need a project or user API key, not an Admin key. This key is an Admin key (sk-admin-…), which only manages the organization. Create a project key at platform.openai.com/api-keys and put it in an "OpenAI Chat (Project or User Key) API" credential; Admin keys belong in an "OpenAI Admin (Projects, Organization, Trigger) API" credential.',
	baseUrlNotOpenAi: 'The Base URL does not point at the OpenAI API (it answered a web page or "Invalid URL"). The Base URL should end in /v1, e.g. https://api.openai.com/v1 (or your proxy\'s address ending in /v1).',
	openAiServerError: 'OpenAI had a server error while testing. This is on OpenAI\'s side: test again in a minute (status.openai.com shows incidents).',
	otherRefusal: 'OpenAI refused the test request. Check the API Key, Organization ID and Project ID. Running a node with this credential shows OpenAI\'s own words.',
};

/** The credentials' "Test" button in the editor, for every cause, against the test server: the exact message. */
async function checkCredentialTests(n8n, cookie, server, F) {
	const origin = new URL(server.url).origin;
	const unknownAdminKey = `sk-admin-${F.BAD_KEY.slice('sk-'.length)}`;
	const cases = [
		// [credential type, what it holds, expected, values, before]
		['openAiOrgApi', 'a project key', 'ok', { apiKey: F.PROJECT_KEY_ACME }],
		['openAiOrgApi', 'a user key with one of its own organizations', 'ok', { apiKey: F.USER_KEY_MULTI, organizationId: F.ORG_GLOBEX }],
		['openAiOrgApi', 'a project key with its own project', 'ok', { apiKey: F.PROJECT_KEY_ACME, projectId: F.DEFAULT_PROJECT_ACME }],
		['openAiOrgApi', 'a key used with an organization it does not belong to', 'mismatchedOrganization', { apiKey: F.USER_KEY_ACME_ONLY, organizationId: F.ORG_GLOBEX }],
		['openAiOrgApi', 'an unknown key', 'unknownKey', { apiKey: F.BAD_KEY }],
		['openAiOrgApi', 'an organization that does not exist', 'unknownOrganization', { apiKey: F.USER_KEY_MULTI, organizationId: F.ORG_UNKNOWN }],
		['openAiOrgApi', 'a key of a user in no organization', 'noOrganization', { apiKey: F.USER_KEY_NO_ORG }],
		['openAiOrgApi', 'a project key with another project\'s ID', 'mismatchedProject', { apiKey: F.PROJECT_KEY_ACME, projectId: F.PROJECT_GLOBEX_RESEARCH }],
		['openAiOrgApi', 'a Project ID that does not exist', 'unknownProject', { apiKey: F.USER_KEY_MULTI, projectId: 'proj_doesNotExist0000000001' }],
		['openAiOrgApi', 'an Admin key (wrong kind for chat)', 'chatKeyNeeded', { apiKey: F.ADMIN_KEY_ACME }],
		['openAiOrgApi', 'a Base URL without /v1 (OpenAI answers "Invalid URL")', 'baseUrlNotOpenAi', { apiKey: F.PROJECT_KEY_ACME, baseUrl: origin }],
		['openAiOrgApi', 'a Base URL that answers an HTML 404 page', 'baseUrlNotOpenAi', { apiKey: F.PROJECT_KEY_ACME, baseUrl: `${origin}/web/v1` }],
		// The fault is aimed at the test's own request: the activated trigger example keeps polling the server.
		['openAiOrgApi', 'an OpenAI server error', 'openAiServerError', { apiKey: F.PROJECT_KEY_ACME }, (s) => s.addFault({ kind: 'server_error', status: 500, times: 1, method: 'GET', path: '/models' })],
		['openAiAdminApi', 'an Admin key', 'ok', { apiKey: F.ADMIN_KEY_ACME }],
		['openAiAdminApi', 'an Admin key with its own organization', 'ok', { apiKey: F.ADMIN_KEY_ACME, organizationId: F.ORG_ACME }],
		['openAiAdminApi', 'an Admin key used with another organization', 'mismatchedOrganization', { apiKey: F.ADMIN_KEY_ACME, organizationId: F.ORG_GLOBEX }],
		['openAiAdminApi', 'an unknown key', 'unknownKey', { apiKey: unknownAdminKey }],
		['openAiAdminApi', 'an organization that does not exist', 'unknownOrganization', { apiKey: F.ADMIN_KEY_ACME, organizationId: F.ORG_UNKNOWN }],
		['openAiAdminApi', 'a project key (wrong kind for admin work)', 'adminKeyNeeded', { apiKey: F.PROJECT_KEY_ACME }],
		['openAiAdminApi', 'a user key (wrong kind for admin work)', 'adminKeyNeeded', { apiKey: F.USER_KEY_MULTI }],
		['openAiAdminApi', 'a Base URL without /v1', 'baseUrlNotOpenAi', { apiKey: F.ADMIN_KEY_ACME, baseUrl: origin }],
	];
	const answers = [];
	for (const [type, holds, expected, values, before] of cases) {
		await server.reset();
		if (before) await before(server);
		const data = { apiKey: '', organizationId: '', baseUrl: server.url, ...(type === 'openAiOrgApi' ? { projectId: '' } : {}), ...values };
		const result = await testCredential(n8n.baseUrl, cookie, { name: 'e2e credential test', type, data });
		answers.push(result);
		const verdict = expected === 'ok' ? 'OK' : 'Error';
		const label = type === 'openAiOrgApi' ? 'OpenAI Chat (Project or User Key) API' : 'OpenAI Admin (Projects, Organization, Trigger) API';
		report.check(`Test on "${label}" holding ${holds}: ${expected === 'ok' ? 'passes' : `says "${TEST_SAYS[expected].split('. ')[0]}"`}`, result.status === verdict && result.message === TEST_SAYS[expected], JSON.stringify(result));
	}
	const distinct = new Set(answers.filter((a) => a.status === 'Error').map((a) => a.message));
	report.check('each cause gets its own message (10 different refusals)', distinct.size === 10, `${distinct.size}: ${[...distinct].map((m) => m.split('. ')[0]).join(' | ')}`);
	report.check('no credential test answer names a full key', !leaksAnyKey(JSON.stringify(answers), [...F.ALL_FIXTURE_KEYS, unknownAdminKey]));
}

/** The editor: every listed type loaded, the credential test, and a screenshot of the Projects node on the canvas. */
async function checkEditor(n8n, server, F, credentials, examples, options = {}) {
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
		const projects = loaded.descriptions.find((node) => node.name === PROJECTS_NODE);
		const offered = (version) => (projects?.credentials ?? []).filter((credential) => (credential.displayOptions?.show?.['@version'] ?? [version]).includes(version)).map((credential) => credential.name);
		report.check('the editor adds OpenAI Projects as version 2, which offers only the OpenAI Admin API credential', projects?.defaultVersion === 2 && JSON.stringify(offered(2)) === '["openAiAdminApi"]', JSON.stringify({ version: projects?.version, defaultVersion: projects?.defaultVersion, credentials: projects?.credentials }));
		report.check('OpenAI Projects version 1 (stored workflows) still offers the OpenAI Organization API credential', JSON.stringify(offered(1)) === '["openAiOrgApi"]', JSON.stringify(projects?.credentials));
		await checkCredentialTests(n8n, cookie, server, F);
		if (options.only) return;
		const shot = await runCommand(process.execPath, ['--experimental-websocket', path.join(__dirname, 'screenshot.js'), '--url', `${n8n.baseUrl}/workflow/${SCREENSHOT_WORKFLOW}`, '--node-type', PROJECTS_NODE, '--out', SCREENSHOT], { env: { ...process.env, N8N_AUTH_COOKIE: cookie }, timeoutMs: 120_000 });
		if (report.check('headless Chromium shows the OpenAI Projects node on the editor canvas', shot.code === 0 && fs.existsSync(SCREENSHOT), shot.stderr.trim())) {
			process.stdout.write(`artifact: ${SCREENSHOT}\n`);
		}
		await server.reset();
		try {
			const shots = await runBrowserSuite({ baseUrl: n8n.baseUrl, cookie, serverUrl: server.url, server, F, credentials, examples, check: report.check, note: report.note });
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
	const demo = await runCommand(process.execPath, [path.join(packaging.REPO_ROOT, 'scripts', 'demo.js'), '--check', `--tarball=${tarball}`], { env, timeoutMs: 300_000 });
	report.check('the demo starts with the package nodes, every example runs on its first click and the organization is unchanged (demo --check)', demo.code === 0, (demo.stdout + demo.stderr).slice(-1500));
}

async function main(options) {
	const { tarball, binary, userFolder } = await preparePackage(options);
	const F = loadFixtures();
	const server = await startTestServer({ args: ['--projects', '537', '--service-account', 'Deploy bot'] });
	const n8n = await createN8n({ binary, userFolder, encryptionKey: ENCRYPTION_KEY });
	const credentials = e2eCredentials(server.url, F);
	await n8n.importCredentials(credentials);

	const selected = (file) => !options.only || file.toLowerCase().includes(options.only.toLowerCase());
	const scenarios = scenarioFiles();
	const workflows = new Map(scenarios.map((scenario) => [scenario.workflow, readWorkflow(path.join(__dirname, 'workflows', scenario.workflow), F)]));
	workflows.set('screenshot', readWorkflow(path.join(__dirname, 'workflows', 'projects-editor-screenshot.json'), F));
	workflows.set('browser', readWorkflow(path.join(__dirname, 'workflows', 'browser-pickers.json'), F));
	const examples = readExamples(path.join(packaging.REPO_ROOT, 'examples'), credentials, { credentialIdOfType: EXAMPLE_CREDENTIAL_OF_TYPE }).map((example) => ({
		...example,
		workflow: postingToStandInChannel(example.workflow, server.channelUrl),
	}));
	report.check('the README example workflows are there to run (examples/*.json)', examples.length > 0, 'no examples/*.json yet');
	await n8n.importWorkflows([...workflows.values(), ...examples.map((example) => example.workflow)]);

	if (options.editorOnly) {
		report.note('--editor-only: the workflow runs, the examples and the demo are skipped');
	} else {
		if (options.only) report.note(`--only=${options.only}: only the scenarios and examples whose file name holds it; no screenshot, browser suite or demo`);
		const chosenScenarios = scenarios.filter((scenario) => selected(scenario.workflow));
		const chosenExamples = examples.filter((example) => selected(example.file) && !isTriggerExample(example));
		// Examples that start at a polling trigger cannot run under `n8n execute`: a step of their own activates them.
		const chosenTriggerExamples = examples.filter((example) => selected(example.file) && isTriggerExample(example));
		report.check(`there is something to run${options.only ? ` for --only=${options.only}` : ''}`, chosenScenarios.length + chosenExamples.length + chosenTriggerExamples.length > 0, 'no scenario or example file name matches');
		for (const scenario of chosenScenarios) await runScenario(n8n, server, scenario, { F, workflows });
		for (const example of chosenExamples) await runExample(n8n, server, example, F);
		for (const example of chosenTriggerExamples) await checkTriggerExample({ n8n, server, example, owner: OWNER, check: report.check, note: report.note });
	}

	await checkEditor(n8n, server, F, credentials, examples, options);
	await server.stop();
	if (!options.editorOnly && !options.only) await checkDemo(tarball);
}

stopAllOnExit(() => {
	for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
	process.stdout.write(`\nInterrupted: every process the suite started is stopped.\n${report.summary()}\n`);
});
const started = Date.now();
const onlyArgument = process.argv.find((argument) => argument.startsWith('--only='));
main({
	allowMissingNodes: process.argv.includes('--allow-missing-nodes'),
	editorOnly: process.argv.includes('--editor-only'),
	only: onlyArgument ? onlyArgument.slice('--only='.length) : '',
})
	.catch((error) => report.check('the suite runs to its end', false, error.stack))
	.finally(async () => {
		await stopAllProcesses();
		for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
		report.note(`took ${Math.round((Date.now() - started) / 1000)} s`);
		process.stdout.write(`${report.summary()}\n`);
		process.exitCode = report.failed ? 1 : 0;
	});
