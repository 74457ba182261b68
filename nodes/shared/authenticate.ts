import type { IAuthenticate, ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

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

/** Both credentials sign requests alike; the Admin credential simply has no Project ID. */
export const authenticateOpenAi: IAuthenticate = async (credentials, requestOptions: IHttpRequestOptions) => {
	const headers: Record<string, unknown> = { ...requestOptions.headers };
	headers.Authorization = `Bearer ${trimmed(credentials, 'apiKey')}`;
	scopeHeader(headers, 'OpenAI-Organization', trimmed(credentials, 'organizationId'));
	scopeHeader(headers, 'OpenAI-Project', trimmed(credentials, 'projectId'));
	return { ...requestOptions, headers: headers as IHttpRequestOptions['headers'] };
};
