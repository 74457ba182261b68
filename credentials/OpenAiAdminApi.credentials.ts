import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { authenticateOpenAi } from '../nodes/shared/authenticate';
import { baseUrlField } from '../nodes/shared/credentialFields';
import { ADMIN_CREDENTIAL_NAME } from '../nodes/shared/credentialNames';
import { credentialTest } from '../nodes/shared/credentialTest';

/** For OpenAI Projects (version 2), OpenAI Organization and its trigger: an Admin key, which manages the organization. */
export class OpenAiAdminApi implements ICredentialType {
	name = 'openAiAdminApi';

	displayName = ADMIN_CREDENTIAL_NAME;

	icon: Icon = { light: 'file:openAiAdmin.svg', dark: 'file:openAiAdmin.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-openai-org/n8n-nodes-openai-org#credentials-openai-admin-api-and-openai-organization-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'sk-admin-…',
			description:
				'An Admin key (sk-admin-…), which organization owners create at <a href="https://platform.openai.com/settings/organization/admin-keys" target="_blank">platform.openai.com/settings/organization/admin-keys</a>',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'org-…',
			hint: 'Usually empty: an Admin key belongs to one organization.',
			description: 'Sent as the OpenAI-Organization header. Empty sends no header.',
		},
		baseUrlField,
	];

	authenticate = authenticateOpenAi;

	test: ICredentialTestRequest = credentialTest('admin');
}
