'use strict';
/** Reads the suite's workflows and the README's example workflows, ready for `n8n import:workflow`. */
const fs = require('node:fs');
const path = require('node:path');
const { bindCredentials } = require('./nodeCredentials');

/** `@@DEFAULT_PROJECT_ACME@@` in a test workflow becomes that fixture's value. */
function fillFixtures(text, F) {
	return text.replace(/@@([A-Z0-9_]+)@@/g, (placeholder, name) => {
		if (typeof F[name] !== 'string') throw new Error(`unknown fixture ${placeholder}`);
		return F[name];
	});
}

function readWorkflow(file, F) {
	return JSON.parse(fillFixtures(fs.readFileSync(file, 'utf8'), F));
}

/**
 * `n8n execute` refuses a workflow that starts with a Schedule Trigger ("Missing node to start execution").
 * The imported copy gets a Manual Trigger under the same name, so connections and `$('<name>')` still work.
 */
function runnableFromCli(workflow) {
	const swapped = [];
	const nodes = workflow.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-base.scheduleTrigger') return node;
		swapped.push(node.name);
		return { ...node, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	});
	return { workflow: { ...workflow, nodes }, swapped };
}

/**
 * The example with its HTTP Request nodes posting to the test server's stand-in channel (`<origin>/__control/channel`),
 * or its vault (`<origin>/__control/vault`):
 * an example run by the demo or the suite never reaches the internet.
 */
function postingToStandInChannel(workflow, channelUrl) {
	// A vault (the key-rotation example's placeholder, https://vault.example.com/…) gets the stand-in vault instead.
	const vaultUrl = `${new URL(channelUrl).origin}/__control/vault`;
	const standIn = (url) => (String(url).includes('vault.example.com') ? vaultUrl : channelUrl);
	const nodes = workflow.nodes.map((node) =>
		node.type === 'n8n-nodes-base.httpRequest' ? { ...node, parameters: { ...node.parameters, url: standIn(node.parameters.url) } } : node,
	);
	return { ...workflow, nodes };
}

/** Example workflows ship without an id (n8n makes one on import); the suite needs a fixed one to execute. */
function exampleId(file) {
	const base = path.basename(file, '.json').replace(/[^A-Za-z0-9]/g, '');
	return `e2eEx${base}`.slice(0, 16).padEnd(16, '0');
}

/**
 * The examples, each node of the package bound to a credential of the type its description asks for (see
 * nodeCredentials.js; `credentialIdOfType` picks one of several of a type).
 */
function readExamples(folder, credentials, { forCli = true, credentialIdOfType = {} } = {}) {
	if (!fs.existsSync(folder)) return [];
	return fs
		.readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const original = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
			const { workflow, swapped } = forCli ? runnableFromCli(original) : { workflow: original, swapped: [] };
			const bound = bindCredentials(workflow, credentials, credentialIdOfType);
			return { file, swapped, workflow: { ...bound, id: exampleId(file), active: false } };
		});
}

module.exports = { readWorkflow, readExamples, runnableFromCli, postingToStandInChannel };
