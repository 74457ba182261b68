import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

function trimmed(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value.trim() : '';
}

/**
 * A header the request already carries wins over the credential's (a node's per-item override);
 * an empty one means "send none", because OpenAI rejects an empty OpenAI-Organization header.
 */
function scopeHeader(headers: Record<string, unknown>, name: string, fromCredential: string): void {
	if (!(name in headers)) {
		if (fromCredential) headers[name] = fromCredential;
		return;
	}
	const value = headers[name];
	if (typeof value !== 'string' || value.trim() === '') delete headers[name];
}

const authenticateOpenAiOrg: IAuthenticate = async (credentials, requestOptions: IHttpRequestOptions) => {
	const headers: Record<string, unknown> = { ...requestOptions.headers };
	headers.Authorization = `Bearer ${trimmed(credentials, 'apiKey')}`;
	scopeHeader(headers, 'OpenAI-Organization', trimmed(credentials, 'organizationId'));
	scopeHeader(headers, 'OpenAI-Project', trimmed(credentials, 'projectId'));
	return { ...requestOptions, headers: headers as IHttpRequestOptions['headers'] };
};

export class OpenAiOrgApi implements ICredentialType {
	name = 'openAiOrgApi';

	displayName = 'OpenAI Organization API';

	icon: Icon = { light: 'file:openAiOrg.svg', dark: 'file:openAiOrg.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-openai-org/n8n-nodes-openai-org#credential-openai-organization-api';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'An Admin key (sk-admin-…) for the OpenAI Projects node; a project or user key (sk-proj-…, sk-…) for chat',
		},
		{
			displayName: 'Organization ID',
			name: 'organizationId',
			type: 'string',
			default: '',
			placeholder: 'org-…',
			hint: 'Only when the key belongs to several organizations. Leave empty for Admin and project keys.',
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
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.openai.com/v1',
			description: 'Change only for a proxy or a local test server',
		},
	];

	authenticate = authenticateOpenAiOrg;

	// Used where n8n cannot run the nodes' own test (which diagnoses organization mismatches).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ ($credentials.baseUrl || "https://api.openai.com/v1").trim().replace(/\\/+$/, "") }}',
			url: '={{ $credentials.apiKey.trim().startsWith("sk-admin-") ? "/organization/projects?limit=1" : "/models" }}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'OpenAI refused the key: the key is wrong, or it does not belong to the Organization ID given (remove the Organization ID and test again to tell which).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'OpenAI refused access: the key lacks the permissions needed.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Nothing answers at this Base URL: it should end in /v1, e.g. https://api.openai.com/v1.',
				},
			},
		],
	};
}
