import type { INodeProperties } from 'n8n-workflow';

export function projectLocator(operation: string): INodeProperties {
	return {
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
		displayOptions: { show: { resource: ['project'], operation: [operation] } },
	};
}
