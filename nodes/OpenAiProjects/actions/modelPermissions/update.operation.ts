import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { checkChoice, choiceProperty } from '../../../shared/parameters/choices';
import { projectLocator } from '../../helpers/projectLocator';
import { getProjectId } from '../../../shared/resources/projects';
import { requestInProject } from '../../helpers/inProject';
import { MODEL_PERMISSIONS } from './get.operation';

const MODES = ['allow_list', 'deny_list'];

const properties: INodeProperties[] = [
	{ ...projectLocator, description: 'The project whose models to restrict' },
	choiceProperty({ displayName: 'Mode', name: 'mode', default: 'allow_list', description: 'Replaces the policy the project has' }, [
		{ name: 'Allow Only These Models', value: 'allow_list', description: 'The project may use the models listed and no other' },
		{ name: 'Block These Models', value: 'deny_list', description: 'The project may use every model except those listed' },
	]),
	{
		displayName: 'Model IDs',
		name: 'modelIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'gpt-4.1, o3',
		description: 'Model IDs separated by commas, as OpenAI names them (e.g. gpt-4.1, gpt-4o-mini)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['modelPermissions'], operation: ['update'] } }, properties);

function readModelIds(this: IExecuteFunctions, itemIndex: number, mode: string): string[] {
	const raw = this.getNodeParameter('modelIds', itemIndex, '') as unknown;
	const ids = (Array.isArray(raw) ? raw : String(raw ?? '').split(/[,\n]/))
		.map((id) => String(id).trim())
		.filter((id) => id !== '');
	if (ids.length === 0 && mode === 'allow_list') {
		throw new NodeOperationError(this.getNode(), '"Model IDs" is empty: an allow list of no models would block every model', {
			itemIndex,
			description:
				'Enter the models the project may use, e.g. gpt-4.1, gpt-4o-mini. To lift every restriction, use the "Remove" operation.',
		});
	}
	const wrong = ids.find((id) => /\s/.test(id));
	if (wrong) {
		throw new NodeOperationError(this.getNode(), `"Model IDs" holds "${wrong}", which is not a model ID`, {
			itemIndex,
			description: 'Separate model IDs with commas, e.g. gpt-4.1, gpt-4o-mini.',
		});
	}
	return [...new Set(ids)];
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const projectId = getProjectId.call(this, itemIndex);
	const mode = checkChoice.call(this, {
		label: 'Mode',
		value: String(this.getNodeParameter('mode', itemIndex, 'allow_list')),
		allowed: MODES,
		itemIndex,
	});
	const modelIds = readModelIds.call(this, itemIndex, mode);
	const limits = readRequestLimits.call(this, itemIndex);
	const send = async () => {
		// The policy is replaced as a whole, so sending it twice is harmless and it may be retried like a read.
		const body = { mode, model_ids: modelIds };
		const answer = await requestInProject.call(this, projectId, { method: 'POST', subPath: MODEL_PERMISSIONS, body, itemIndex, limits });
		return [{ project_id: projectId, ...answer }];
	};
	return { send };
}
