import type { INodeProperties } from 'n8n-workflow';

/** The first thing an Admin API node shows: what kind of key it needs and where owners create one. */
export const adminKeyNoticeProperty: INodeProperties = {
	displayName:
		'This node needs an Admin API key (sk-admin-…), which organization owners create at platform.openai.com/settings/organization/admin-keys',
	name: 'adminKeyNotice',
	type: 'notice',
	default: '',
};
