import type { IAuthenticate, IHttpRequestOptions } from 'n8n-workflow';

import { readCredentialValues } from './transport/credentials';

function carries(headers: Record<string, unknown>, name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers).some((key) => key.toLowerCase() === wanted);
}

/**
 * Both credentials sign requests alike (the Admin credential simply has no Project ID): the API key as
 * Authorization, and the credential's organization and project as OpenAI-Organization and OpenAI-Project when it
 * has them and the request does not already carry them. The nodes hand n8n the credential with the organization
 * and project they decided on (transport/scope.ts); the Test button sends the credential as it is.
 */
export const authenticateOpenAi: IAuthenticate = async (credentials, requestOptions: IHttpRequestOptions) => {
	const { apiKey, organizationId, projectId } = readCredentialValues(credentials);
	const headers: Record<string, unknown> = { ...requestOptions.headers, Authorization: `Bearer ${apiKey}` };
	if (organizationId && !carries(headers, 'OpenAI-Organization')) headers['OpenAI-Organization'] = organizationId;
	if (projectId && !carries(headers, 'OpenAI-Project')) headers['OpenAI-Project'] = projectId;
	return { ...requestOptions, headers: headers as IHttpRequestOptions['headers'] };
};
