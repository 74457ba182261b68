import type { INodeProperties } from 'n8n-workflow';

/** The "Project" field of the operations on one project: picked from a searchable list or given by ID. */
export const projectLocator: INodeProperties = {
	displayName: 'Project',
	name: 'projectId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The project to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 'proj_abc123',
			validation: [
				{
					type: 'regex',
					properties: { regex: 'proj_[A-Za-z0-9]+', errorMessage: 'A project ID looks like proj_abc123' },
				},
			],
		},
	],
};
