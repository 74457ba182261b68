import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { listPages, openAiRequest } from '../../../shared/transport';
import { getProjectName, toProjectItem } from '../../../shared/resources/projects';
import type { Project } from '../../../shared/resources/projects';
import { optionsCollection } from '../../../shared/parameters/collections';

const RESIDENCIES = [
	'GLOBAL',
	'US_STORAGE_PROCESSING',
	'EU_STORAGE_PROCESSING',
	'JP_STORAGE',
	'KR_STORAGE',
	'CA_STORAGE',
	'SG_STORAGE',
	'IN_STORAGE',
	'AU_STORAGE',
	'GB_STORAGE',
	'AE_STORAGE',
	'AE_STORAGE_PROCESSING',
];

/** OpenAI's clock and ours may differ a little; a lost create is looked for in this window. */
const CLOCK_SKEW_SECONDS = 30;

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Support Triage Bot',
		description: 'The name of the new project, as it appears in reports. Names need not be unique.',
	},
	optionsCollection([
		{
			displayName: 'External Key ID',
			name: 'externalKeyId',
			type: 'string',
			default: '',
			description: 'ID of an external encryption key (enterprise key management) to associate with the project',
		},
		{
			displayName: 'Residency',
			name: 'residency',
			type: 'options',
			default: 'GLOBAL',
			options: RESIDENCIES.map((value) => ({ name: value, value })),
			description: 'Where the project stores and processes data. Your organization must have access to it.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['create'] } }, properties);

/** After a lost answer: a project with this name created since we asked is the one we created. */
async function findCreatedProject(
	this: IExecuteFunctions,
	name: string,
	askedAt: number,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	const pages = listPages.call(this, {
		path: '/organization/projects',
		qs: { include_archived: true },
		itemIndex,
		...limits,
	});
	let found: Project | undefined;
	for await (const page of pages) {
		for (const project of page as Project[]) {
			if (project.name === name && project.created_at >= askedAt - CLOCK_SKEW_SECONDS) {
				if (!found || project.created_at > found.created_at) found = project;
			}
		}
	}
	return found;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const name = getProjectName.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limits = readRequestLimits.call(this, itemIndex);
	const body: IDataObject = { name };
	const externalKeyId = String(options.externalKeyId ?? '').trim();
	if (externalKeyId) body.external_key_id = externalKeyId;
	if (options.residency) body.residency = options.residency;

	const send = async () => {
		const askedAt = Math.floor(Date.now() / 1000);
		const response = await openAiRequest.call(this, {
			method: 'POST',
			path: '/organization/projects',
			body,
			itemIndex,
			...limits,
			notIdempotent: true,
			findLostResult: async () => await findCreatedProject.call(this, name, askedAt, itemIndex, limits),
		});
		const extra: IDataObject = response.recovered ? { recoveredAfterLostResponse: true } : {};
		return [toProjectItem(response.body as Project, extra)];
	};
	return { send };
}
