import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { checkChoice, choiceProperty } from '../../../shared/parameters/choices';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { requestInProject } from '../../helpers/inProject';
import { HOSTED_TOOL_PERMISSIONS } from './get.operation';

/** The contract's hosted tools, as the node names them. */
const TOOLS: Array<{ name: string; field: string; displayName: string }> = [
	{ name: 'codeInterpreter', field: 'code_interpreter', displayName: 'Code Interpreter' },
	{ name: 'fileSearch', field: 'file_search', displayName: 'File Search' },
	{ name: 'imageGeneration', field: 'image_generation', displayName: 'Image Generation' },
	{ name: 'mcp', field: 'mcp', displayName: 'MCP (Remote MCP Servers)' },
	{ name: 'webSearch', field: 'web_search', displayName: 'Web Search' },
];

const CHOICES = ['unchanged', 'enable', 'disable'];

const properties: INodeProperties[] = [
	{ ...projectLocator, description: 'The project whose hosted tools to switch on or off' },
	...TOOLS.map(
		({ name, displayName }): INodeProperties =>
			choiceProperty({ displayName, name, default: 'unchanged', description: `Whether the project may use ${displayName}` }, [
				{ name: 'Leave Unchanged', value: 'unchanged' },
				{ name: 'Enable', value: 'enable' },
				{ name: 'Disable', value: 'disable' },
			]),
	),
];

export const description = updateDisplayOptions({ show: { resource: ['hostedToolPermissions'], operation: ['update'] } }, properties);

function readChanges(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const { name, field, displayName } of TOOLS) {
		const choice = checkChoice.call(this, {
			label: displayName,
			value: String(this.getNodeParameter(name, itemIndex, 'unchanged')),
			allowed: CHOICES,
			itemIndex,
		});
		if (choice !== 'unchanged') body[field] = { enabled: choice === 'enable' };
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Every tool is set to "Leave Unchanged": nothing to change', {
			itemIndex,
			description: 'Set at least one tool to Enable or Disable.',
		});
	}
	return body;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const body = readChanges.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		// Switching a tool to a state is idempotent, so it may be retried like a read.
		const answer = await requestInProject.call(this, projectId, { method: 'POST', subPath: HOSTED_TOOL_PERMISSIONS, body, itemIndex, limits });
		return [{ project_id: projectId, ...answer }];
	};
	return { send };
}
