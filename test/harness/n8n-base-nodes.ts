/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { INodeType, IVersionedNodeType } from 'n8n-workflow';

import { instantiateExports } from './community-package';

const N8N_VERSION = '2.8.4';

/** Where scripts/install-n8n.sh installs the pinned n8n. */
export function n8nInstallDir(): string {
	const cacheRoot =
		process.env.N8N_CACHE_DIR ??
		path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'n8n-nodes-openai-org');
	return path.join(cacheRoot, `n8n-${N8N_VERSION}`);
}

function nodesBaseDir(): string {
	return path.join(n8nInstallDir(), 'node_modules', 'n8n-nodes-base');
}

/** True when the pinned n8n (and with it n8n-nodes-base) is installed and complete. */
export function isN8nInstalled(): boolean {
	const installDir = n8nInstallDir();
	return (
		existsSync(path.join(installDir, '.installed')) &&
		existsSync(path.join(nodesBaseDir(), 'package.json'))
	);
}

const loadedBaseNodes = new Map<string, INodeType | IVersionedNodeType>();

/** Loads the real n8n-nodes-base node called `name` (e.g. `summarize`) from the pinned n8n install. */
export function loadBaseNode(name: string): INodeType | IVersionedNodeType {
	const cached = loadedBaseNodes.get(name);
	if (cached) return cached;
	if (!isN8nInstalled()) {
		throw new Error(
			`Node type n8n-nodes-base.${name} needs the pinned n8n ${N8N_VERSION}, not found in ${n8nInstallDir()}: ` +
				'run scripts/install-n8n.sh (or skip the test when isN8nInstalled() is false).',
		);
	}
	const nodeType = findBaseNode(name);
	loadedBaseNodes.set(name, nodeType);
	return nodeType;
}

function findBaseNode(name: string): INodeType | IVersionedNodeType {
	const baseDir = nodesBaseDir();
	const manifest = JSON.parse(readFileSync(path.join(baseDir, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	// A node's file is named after the node (Summarize.node.js holds `summarize`): try those files first, so
	// only a miss pays for loading the whole list.
	const fileName = `${name.toLowerCase()}.node.js`;
	const likelyFiles = manifest.n8n.nodes.filter(
		(file) => path.basename(file).toLowerCase() === fileName,
	);
	const otherFiles = manifest.n8n.nodes.filter((file) => !likelyFiles.includes(file));
	for (const file of likelyFiles) {
		const match = nodeNamed(name, path.join(baseDir, file));
		if (match) return match;
	}
	for (const file of otherFiles) {
		try {
			const match = nodeNamed(name, path.join(baseDir, file));
			if (match) return match;
		} catch {
			// A node this search does not want may need what the harness does not provide; it is not the one.
		}
	}
	throw new Error(`n8n-nodes-base has no node named "${name}" (looked in ${baseDir}).`);
}

function nodeNamed(name: string, file: string): INodeType | IVersionedNodeType | undefined {
	return instantiateExports<INodeType | IVersionedNodeType>(file).find(
		(nodeType) => nodeType.description?.name === name,
	);
}
