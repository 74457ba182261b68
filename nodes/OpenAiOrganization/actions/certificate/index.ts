import type { INodeProperties } from 'n8n-workflow';

import * as deleteCertificate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';
import { activate, deactivate } from './toggles';
import * as upload from './upload.operation';

export { activate, deactivate, deleteCertificate, get, getAll, rename, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['certificate'] } },
		options: [
			{ name: 'Activate', value: 'activate', action: 'Activate a certificate', description: 'Turn a certificate on for the whole organization' },
			{ name: 'Deactivate', value: 'deactivate', action: 'Deactivate a certificate', description: 'Turn a certificate off for the organization' },
			{ name: 'Delete', value: 'delete', action: 'Delete a certificate', description: 'Delete a certificate that is inactive everywhere' },
			{ name: 'Get', value: 'get', action: 'Get a certificate', description: 'One certificate of the organization' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many certificates', description: 'The organization\'s certificates, each active or not' },
			{ name: 'Rename', value: 'rename', action: 'Rename a certificate', description: 'Change a certificate\'s name' },
			{ name: 'Upload', value: 'upload', action: 'Upload a certificate', description: 'Upload a PEM certificate (inactive until activated)' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...get.description,
	...upload.description,
	...rename.description,
	...activate.description,
	...deactivate.description,
	...deleteCertificate.description,
];
