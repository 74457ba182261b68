import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readList } from '../execution/lists';
import { isProjectId } from '../transport';

/** The optional "only these projects" multi-select of a report operation. */
export const projectFilterProperty: INodeProperties = {
	displayName: 'Project Names or IDs',
	name: 'projectIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getProjects' },
	default: [],
	description:
		'Only report these projects; leave empty for all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Accepts a list or a comma-separated text (what an expression often gives) of project IDs. */
export function readProjectIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const projectIds = readList(this.getNodeParameter('projectIds', itemIndex, []));
	const wrong = projectIds.find((projectId) => !isProjectId(projectId));
	if (wrong !== undefined) {
		throw new NodeOperationError(this.getNode(), `"Project Names or IDs" holds "${wrong}", which is not a project ID`, {
			itemIndex,
			description: 'Pick projects from the list, or give IDs like proj_AbC123… (comma-separated in an expression).',
		});
	}
	return projectIds;
}
