import type { ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { authenticateOpenAi } from '../nodes/shared/authenticate';
import { baseUrlField } from '../nodes/shared/credentialFields';
import { CHAT_CREDENTIAL_NAME } from '../nodes/shared/credentialNames';
import { credentialTest } from '../nodes/shared/credentialTest';

/** For chat: a project, service-account or user key. Admin keys go in OpenAiAdminApi. */
export class OpenAiOrgApi implements ICredentialType {
	name = 'openAiOrgApi';

	displayName = CHAT_CREDENTIAL_NAME;

	icon: Icon = { light: 'file:openAiOrg.svg', dark: 'file:openAiOrg.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-openai-org/n8n-nodes-openai-org#credentials-openai-admin-api-and-openai-organization-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A project or user key (sk-proj-…, sk-…) for chat. Admin keys (sk-admin-…) belong in an "OpenAI Admin API" credential.',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'org-…',
			hint: 'Only when the key belongs to several organizations. Leave empty for project keys.',
			description:
				'Sent as the OpenAI-Organization header, which picks the organization that is billed. Empty sends no header.',
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'proj_…',
			description: 'Sent as the OpenAI-Project header for chat requests. Empty sends no header.',
		},
		baseUrlField,
	];

	authenticate = authenticateOpenAi;

	test: ICredentialTestRequest = credentialTest('chat');
}
