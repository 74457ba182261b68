/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

/** The node and credential types of one community package, as n8n loads them from its package.json. */
export interface CommunityPackage {
	name: string;
	root: string;
	nodeTypes: Map<string, INodeType | IVersionedNodeType>;
	credentialTypes: Map<string, ICredentialType>;
}

interface PackageManifest {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

/** Loads the files listed in `n8n.nodes` and `n8n.credentials` of the package.json in `root`. */
export function loadCommunityPackage(root: string): CommunityPackage {
	const manifest = JSON.parse(
		readFileSync(path.join(root, 'package.json'), 'utf8'),
	) as PackageManifest;
	const nodeFiles = manifest.n8n?.nodes ?? [];
	const credentialFiles = manifest.n8n?.credentials ?? [];
	const missing = [...nodeFiles, ...credentialFiles].filter(
		(file) => !existsSync(path.join(root, file)),
	);
	if (missing.length > 0) {
		throw new Error(
			`The built package ${manifest.name} is missing ${missing.join(', ')} (in ${root}): run npm run build first.`,
		);
	}

	const nodeTypes = new Map<string, INodeType | IVersionedNodeType>();
	for (const file of nodeFiles) {
		for (const nodeType of instantiateExports<INodeType | IVersionedNodeType>(
			path.join(root, file),
		)) {
			nodeTypes.set(nodeType.description.name, nodeType);
		}
	}
	const credentialTypes = new Map<string, ICredentialType>();
	for (const file of credentialFiles) {
		for (const credentialType of instantiateExports<ICredentialType>(path.join(root, file))) {
			credentialTypes.set(credentialType.name, credentialType);
		}
	}
	return { name: manifest.name, root, nodeTypes, credentialTypes };
}

/**
 * n8n instantiates every class a node or credential file exports; so does the harness. Arrow functions exported
 * beside the class (n8n's HTML node exports `capitalizeHeader`) have no prototype and are no node.
 */
export function instantiateExports<T>(file: string): T[] {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(file) as Record<string, unknown>;
	return Object.values(moduleExports)
		.filter(
			(exported): exported is new () => T =>
				typeof exported === 'function' && exported.prototype !== undefined,
		)
		.map((Exported) => new Exported());
}
