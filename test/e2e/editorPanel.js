'use strict';
/**
 * The editor as a person first meets the package: the node panel's search and action lists, the project pickers of
 * the Admin nodes, and each node's first panel (a screenshot each, test/e2e/artifacts/browser-editor-*.png). Run from
 * the browser suite (browser.js), with its page and helpers.
 */
const fs = require('node:fs');
const path = require('node:path');

const PROJECTS = 'OpenAI Projects';
const ORGANIZATION = 'OpenAI Organization';
const CHAT = 'OpenAI Chat (Organization)';
const TRIGGER = 'OpenAI Organization Trigger';

/**
 * What a person types, and what must be shown. n8n's panel shows the trigger inside the OpenAI Organization entry
 * (it merges a trigger into the node whose type name is its own without "Trigger"), so the trigger is found there.
 * `before` says that the first node must rank above the second, when both are shown.
 */
const SEARCHES = [
	{ term: 'trigger', shows: [ORGANIZATION] },
	{ term: 'audit', shows: [ORGANIZATION], before: [ORGANIZATION, PROJECTS] },
	{ term: 'stale', shows: [PROJECTS, ORGANIZATION] },
	{ term: 'spend', shows: [PROJECTS, ORGANIZATION] },
	{ term: PROJECTS, shows: [PROJECTS] },
	{ term: ORGANIZATION, shows: [ORGANIZATION] },
	{ term: CHAT, shows: [CHAT] },
	{ term: TRIGGER, shows: [ORGANIZATION] },
];

/** Some actions each entry must list, and what it must not: stray parameters read as actions, generated names. */
const ACTION_LISTS = [
	{
		view: 'regular',
		node: PROJECTS,
		lists: ['Get many projects', 'Find stale projects', 'Change the role of a user in a project', 'Update the model permissions of a project'],
		never: [/^Allow Only These Models$/, /^Block These Models$/, / s /],
	},
	{
		view: 'regular',
		node: ORGANIZATION,
		lists: ['Get audit log events', 'Invite a person', 'Change the role of a user'],
		never: [/ s /],
	},
	// A new workflow opens the trigger panel ("What triggers this workflow?"): the same entry lists its events.
	{
		view: 'trigger',
		node: ORGANIZATION,
		lists: [
			'On a new audit-log event',
			'On an API key unused for days',
			'On a project archived',
			'On a project created',
			'On spend crossing a threshold',
			'On a group changed',
			'On a role or role assignment changed',
			'On a certificate changed',
			'On an admin API key created or deleted',
		],
		// n8n's own names for events without an action text: the option name in lower case ('On api key not used for n days').
		never: [/\bapi key\b/, /\bn days\b/, /^On (new audit log event|project archived|project created|spend crossed a threshold)$/],
	},
	{ view: 'regular', node: CHAT, lists: ['Complete a chat'], never: [] },
];

/** What a person types in the trigger panel of a new workflow. */
const TRIGGER_SEARCHES = ['trigger', 'audit', 'stale', 'spend'];

/** The fields in which an Admin node chooses a project: node name, and the field's label in the panel. */
const PICKERS = [
	['Invite With Projects', 'Projects (Invite > Create)'],
	['Costs Of Projects', 'Projects (Cost)'],
	['Find Stale Ignoring Projects', 'Ignore Projects (Find Stale)'],
	['Audit Log Of Projects', 'Projects (Audit Log filter)'],
	['Spend Of Projects', 'Spend of Projects (trigger)'],
];

/** The first panel of each node, as a person opens it. */
const FIRST_PANELS = [
	['Costs Of Projects', 'projects'],
	['Invite With Projects', 'organization'],
	['Spend Of Projects', 'trigger'],
	['Chat', 'chat'],
];

async function importWorkflow(baseUrl, cookie) {
	const workflow = JSON.parse(fs.readFileSync(path.join(__dirname, 'workflows', 'editor-panel.json'), 'utf8'));
	delete workflow.id;
	const response = await fetch(`${baseUrl}/rest/workflows`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: `n8n-auth=${cookie}` },
		body: JSON.stringify(workflow),
	});
	if (!response.ok) throw new Error(`POST /rest/workflows answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
	return (await response.json()).data.id;
}

/** A project of the organization the Admin key sees, with a name of its own: what a person searches for. */
async function someProject(serverUrl, adminKey) {
	const url = new URL(`${serverUrl}/organization/projects`);
	url.searchParams.set('limit', '100');
	const body = await (await fetch(url, { headers: { authorization: `Bearer ${adminKey}` } })).json();
	const count = new Map();
	for (const project of body.data) count.set(project.name, (count.get(project.name) ?? 0) + 1);
	const unique = body.data.find((project) => count.get(project.name) === 1 && !/default/i.test(project.name));
	if (!unique) throw new Error('no project with a name of its own on the first page');
	return unique;
}

/**
 * The steps. `ui` is the browser suite's page and helpers: page, step, check, note, shot, openWorkflow, openNode,
 * closeNdv, nodePanelSearch; `baseUrl`, `cookie`, `serverUrl` and `F` (the fixtures) as the suite has them.
 */
async function runEditorPanelSteps(ui) {
	const { page, step, check, shot, openWorkflow, openNode, closeNdv, nodePanelSearch, baseUrl, cookie, serverUrl, F } = ui;
	let workflowId;
	await step('the editor-panel workflow is imported', async () => {
		workflowId = await importWorkflow(baseUrl, cookie);
	});
	if (!workflowId) return;

	await step('the node panel finds each node by its name and by what it does', async () => {
		await openWorkflow(workflowId);
		for (const { term, shows, before } of SEARCHES) {
			const names = await nodePanelSearch(term);
			const shown = ` shown: ${JSON.stringify(names.slice(0, 12))}`;
			for (const node of shows) check(`browser: searching "${term}" in the node panel shows ${node}`, names.includes(node), shown);
			if (before) {
				const [first, second] = before.map((node) => names.indexOf(node));
				check(`browser: searching "${term}" ranks ${before[0]} above ${before[1]}`, first >= 0 && (second === -1 || first < second), shown);
			}
			if (term === 'trigger') await shot('editor-search-trigger');
		}
	}, { attempts: 2 });

	const openTriggerPanel = async () => {
		await page.goto(`${baseUrl}/workflow/new`);
		await page.locator('[data-test-id="canvas-plus-button"]').first().click();
		await page.locator('[data-test-id="node-creator"] input').first().waitFor();
	};

	await step('the trigger panel of a new workflow finds the trigger by its events', async () => {
		await openTriggerPanel();
		for (const term of TRIGGER_SEARCHES) {
			const names = await nodePanelSearch(term);
			check(`browser: searching "${term}" in the trigger panel shows ${ORGANIZATION} (with its trigger)`, names.includes(ORGANIZATION), JSON.stringify(names.slice(0, 12)));
		}
		await shot('editor-trigger-panel-search');
	}, { attempts: 2 });

	for (const { view, node, lists, never } of ACTION_LISTS) {
		await step(`the ${view === 'trigger' ? 'trigger' : 'node'} panel lists the ${view === 'trigger' ? 'events' : 'actions'} of ${node}`, async () => {
			if (view === 'trigger') await openTriggerPanel();
			else await openWorkflow(workflowId);
			await nodePanelSearch(node);
			await page.locator('[data-test-id="node-creator-item-name"]', { hasText: node }).first().click();
			await page.waitForTimeout(800);
			const actions = (await page.locator('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]').allInnerTexts()).map((text) => text.trim());
			await shot(`editor-${view}-actions-${node.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
			for (const action of lists) check(`browser: ${node} lists the action "${action}"`, actions.includes(action), JSON.stringify(actions));
			const stray = actions.filter((action) => never.some((pattern) => pattern.test(action)));
			check(`browser: ${node} lists no stray or malformed action`, stray.length === 0, JSON.stringify(stray));
			await page.keyboard.press('Escape');
		}, { attempts: 2 });
	}

	const project = await someProject(serverUrl, F.ADMIN_KEY_ACME).catch((error) => ({ error }));
	for (const [nodeName, label] of PICKERS) {
		await step(`a project is picked in ${label}`, async () => {
			if (project.error) throw project.error;
			await openWorkflow(workflowId);
			await openNode(nodeName);
			const input = page.locator('[data-test-id="ndv"] [data-test-id="rlc-input"]').first();
			await input.click();
			const search = page.locator('input[placeholder^="Search"]:visible').first();
			await search.fill(project.name);
			await page.locator('[data-test-id="rlc-item"]', { hasText: project.name }).first().click();
			await page.waitForTimeout(500);
			const value = await input.inputValue();
			await shot(`editor-picked-${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
			check(`browser: ${label} picks "${project.name}" from the organization's projects`, value === project.name, JSON.stringify(value));
			await closeNdv();
		}, { attempts: 2 });
	}

	for (const [nodeName, file] of FIRST_PANELS) {
		await step(`the first panel of ${nodeName} is shown`, async () => {
			await openWorkflow(workflowId);
			await openNode(nodeName);
			await page.waitForTimeout(800);
			await shot(`editor-panel-${file}`);
			await closeNdv();
		});
	}
}

module.exports = { runEditorPanelSteps };
