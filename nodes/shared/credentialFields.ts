import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_BASE_URL } from './transport/credentials';

/** The Base URL field of both credentials; the nodes read it with the same default (readCredentialValues). */
export const baseUrlField: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: DEFAULT_BASE_URL,
	description: 'Change only for a proxy or a local test server. It ends in /v1.',
};
