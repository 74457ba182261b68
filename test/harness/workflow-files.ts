/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { resolveNodeType } from './type-registry';
import type { SingleNodeSpec, WorkflowJson } from './types';

const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

/** Reads a workflow JSON file; a relative path is taken from the repository root (e.g. `examples/x.json`). */
export function loadWorkflow(filePath: string): WorkflowJson {
	const absolutePath = path.resolve(REPOSITORY_ROOT, filePath);
	const parsed = JSON.parse(readFileSync(absolutePath, 'utf8')) as Partial<WorkflowJson>;
	if (
		!Array.isArray(parsed.nodes) ||
		typeof parsed.connections !== 'object' ||
		parsed.connections === null
	) {
		throw new Error(`${absolutePath} is not an n8n workflow: it needs "nodes" and "connections".`);
	}
	return parsed as WorkflowJson;
}

/** Manual Trigger → the node under test: the usual shape of a node test. */
export function singleNodeWorkflow(spec: SingleNodeSpec): WorkflowJson {
	const nodeName = spec.name ?? 'Node Under Test';
	const node: WorkflowJson['nodes'][number] = {
		id: 'node-under-test',
		name: nodeName,
		type: spec.type,
		typeVersion: spec.typeVersion ?? defaultTypeVersion(spec.type),
		position: [220, 0],
		parameters: spec.parameters as WorkflowJson['nodes'][number]['parameters'],
	};
	if (spec.credentials) node.credentials = spec.credentials;
	if (spec.continueOnFail) node.onError = 'continueRegularOutput';
	return {
		name: `Single node: ${nodeName}`,
		nodes: [
			{
				id: 'manual-trigger',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node,
		],
		connections: {
			'Manual Trigger': { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** The version n8n's editor gives a node when it is added to a canvas: its default, else its latest. */
function defaultTypeVersion(type: string): number {
	const nodeType = resolveNodeType(type);
	if ('nodeVersions' in nodeType) return nodeType.currentVersion;
	const { version, defaultVersion } = nodeType.description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}
