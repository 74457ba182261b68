/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import path from 'node:path';
import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { type CommunityPackage, loadCommunityPackage } from './community-package';
import { loadBaseNode } from './n8n-base-nodes';
import { triggerStandIns } from './trigger-stand-ins';

const BASE_PREFIX = 'n8n-nodes-base.';
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

// Loading a package requires its files: done once per package root for the life of the module registry.
const packagesByRoot = new Map<string, CommunityPackage>();
const extraPackageRoots: string[] = [];

/**
 * Makes another built community package's node and credential types known to the harness, beside this
 * repository's own (the harness's tests use it for their fixture package). Returns the package's name.
 */
export function registerNodePackage(root: string): string {
	const absoluteRoot = path.resolve(root);
	if (!extraPackageRoots.includes(absoluteRoot)) extraPackageRoots.push(absoluteRoot);
	return packageAt(absoluteRoot).name;
}

function packageAt(root: string): CommunityPackage {
	let loaded = packagesByRoot.get(root);
	if (!loaded) {
		loaded = loadCommunityPackage(root);
		packagesByRoot.set(root, loaded);
	}
	return loaded;
}

/** Registered packages first, this repository's built package last: it is only loaded when asked for. */
function* packagesInLookupOrder(): Generator<CommunityPackage> {
	for (const root of extraPackageRoots) yield packageAt(root);
	yield packageAt(REPOSITORY_ROOT);
}

function findInPackages<T>(
	pick: (communityPackage: CommunityPackage) => T | undefined,
): T | undefined {
	for (const communityPackage of packagesInLookupOrder()) {
		const found = pick(communityPackage);
		if (found) return found;
	}
	return undefined;
}

/** Finds a node type by its full name (`<package>.<node>`) or by its bare node name. */
export function resolveNodeType(type: string): INodeType | IVersionedNodeType {
	if (type.startsWith(BASE_PREFIX)) {
		const name = type.slice(BASE_PREFIX.length);
		return triggerStandIns[name] ?? loadBaseNode(name);
	}
	const separator = type.lastIndexOf('.');
	const packageName = separator === -1 ? undefined : type.slice(0, separator);
	const nodeName = type.slice(separator + 1);
	const found = findInPackages((communityPackage) =>
		packageName === undefined || communityPackage.name === packageName
			? communityPackage.nodeTypes.get(nodeName)
			: undefined,
	);
	if (!found) throw new Error(`Unknown node type "${type}": no loaded package provides it.`);
	return found;
}

/** Finds a credential type by its name (e.g. `openAiOrgApi`) in the loaded packages. */
export function resolveCredentialType(name: string): ICredentialType {
	const found = findInPackages((communityPackage) => communityPackage.credentialTypes.get(name));
	if (!found) throw new Error(`Unknown credential type "${name}": no loaded package provides it.`);
	return found;
}

/** The INodeTypes n8n's Workflow and engine ask for node types. */
export const harnessNodeTypes: INodeTypes = {
	getByName: (type) => resolveNodeType(type),
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(resolveNodeType(type), version),
	getKnownTypes: (): IDataObject => ({}),
};
