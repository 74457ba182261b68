import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';
import { activate, deactivate } from './toggles';

export { activate, deactivate, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['projectCertificate'] } },
		options: [
			{ name: 'Activate', value: 'activate', action: 'Activate a certificate in a project', description: 'Turn one of the organization\'s certificates on for a project' },
			{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a certificate in a project', description: 'Turn a certificate off for a project' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many certificates of a project', description: 'The organization\'s certificates, each active in the project or not' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...activate.description,
	...deactivate.description,
];
