import type { INodeProperties } from 'n8n-workflow';

export const ADMIN_KEYS_PAGE = 'https://platform.openai.com/settings/organization/admin-keys';

/**
 * Where the Admin key comes from, as a real link. Shown only where it helps: on OpenAI Projects version 1, whose
 * "OpenAI Organization API" credential may hold a key that cannot manage projects. The nodes that take the Admin
 * credential say it in the credential itself, and a wrong key is named in the error of the run.
 */
export const adminKeyNoticeProperty: INodeProperties = {
	displayName: `This node needs an Admin API key (sk-admin-…), which organization owners create at <a href="${ADMIN_KEYS_PAGE}" target="_blank">platform.openai.com/settings/organization/admin-keys</a>`,
	name: 'adminKeyNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { '@version': [1] } },
};
