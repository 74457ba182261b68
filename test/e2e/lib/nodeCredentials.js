'use strict';
/**
 * Which credential a node of the package takes, read from the built node descriptions (their `credentials` entries,
 * at the node's version, as n8n's editor reads them): a new node, or a node that changes credential, needs no list
 * kept by hand. The demo and the e2e suite both give the example workflows their credentials through this.
 */
const path = require('node:path');
const packaging = require('./packaging');

/** `<package>.<name>` → the built node (its description, and per version for a versioned node), from dist/. */
function builtNodes(root = packaging.REPO_ROOT) {
	const manifest = packaging.readPackageJson();
	const nodes = new Map();
	for (const entry of manifest.n8n.nodes) {
		for (const Type of Object.values(require(path.join(root, entry)))) {
			const node = new Type();
			nodes.set(`${manifest.name}.${node.description.name}`, node);
		}
	}
	return nodes;
}

function shownAt(entry, version) {
	const show = entry.displayOptions?.show?.['@version'];
	const hide = entry.displayOptions?.hide?.['@version'];
	return (!show || show.includes(version)) && !(hide && hide.includes(version));
}

/** The credential types a node offers at `version` (its default version when not given), required ones first. */
function credentialTypesOf(node, version) {
	const at = version ?? node.description.defaultVersion ?? [node.description.version].flat().pop();
	const description = node.nodeVersions?.[at]?.description ?? node.description;
	return (description.credentials ?? [])
		.filter((entry) => shownAt(entry, at))
		.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)))
		.map((entry) => entry.name);
}

/**
 * `node type` → the credential type it takes at its default version, for every node of the package: what a person
 * adding the node in the editor is asked for.
 */
function credentialTypeByNodeType(nodes = builtNodes()) {
	return Object.fromEntries([...nodes].map(([type, node]) => [type, credentialTypesOf(node)[0]]));
}

/**
 * Points every node of the package in `workflow` at a credential of the type its description asks for (at the node's
 * own typeVersion). `credentialIdOfType` picks which credential of a type (`{openAiAdminApi: 'id'}`); a type it
 * does not name gets the first credential of that type in `credentials`. A package node without a credential of its
 * type is an error that names both, not a workflow that fails on its first click.
 */
function bindCredentials(workflow, credentials, credentialIdOfType = {}, nodes = builtNodes()) {
	const packageName = packaging.readPackageJson().name;
	const byId = new Map(credentials.map((credential) => [credential.id, credential]));
	const bound = workflow.nodes.map((node) => {
		if (!node.type.startsWith(`${packageName}.`)) return node;
		const built = nodes.get(node.type);
		if (!built) throw new Error(`${workflow.name}: node "${node.name}" has type ${node.type}, which the built package does not have`);
		const [type] = credentialTypesOf(built, node.typeVersion);
		if (!type) return node;
		const chosen = byId.get(credentialIdOfType[type]) ?? credentials.find((credential) => credential.type === type);
		if (!chosen) throw new Error(`${workflow.name}: node "${node.name}" (${node.type}) takes a credential of type ${type}, and none is given`);
		return { ...node, credentials: { [type]: { id: chosen.id, name: chosen.name } } };
	});
	return { ...workflow, nodes: bound };
}

module.exports = { builtNodes, credentialTypesOf, credentialTypeByNodeType, bindCredentials };
