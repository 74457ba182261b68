import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, operationOn, operationProperty } from '../../../shared/parameters/operations';
import * as deleteCertificate from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as rename from './rename.operation';
import { activate, deactivate } from './toggles';
import * as upload from './upload.operation';

export { activate, deactivate, deleteCertificate, get, getAll, rename, upload };

export const description: INodeProperties[] = [
	operationProperty('certificate', [
		operationOn('certificate', 'activate', 'Turn a certificate on for the whole organization'),
		operationOn('certificate', 'deactivate', 'Turn a certificate off for the organization'),
		operationOn('certificate', 'delete', 'Delete a certificate that is inactive everywhere'),
		operationOn('certificate', 'get', 'One certificate of the organization'),
		getManyOperation('Get many certificates', "The organization's certificates, each active or not"),
		operationOn('certificate', 'rename', "Change a certificate's name"),
		operationOn('certificate', 'upload', 'Upload a PEM certificate (inactive until activated)'),
	]),
	...getAll.description,
	...get.description,
	...upload.description,
	...rename.description,
	...activate.description,
	...deactivate.description,
	...deleteCertificate.description,
];
