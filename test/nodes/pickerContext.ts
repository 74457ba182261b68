import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';

import { OpenAiAdminApi } from '../../credentials/OpenAiAdminApi.credentials';
import { OpenAiOrgApi } from '../../credentials/OpenAiOrgApi.credentials';

type Authenticate = (credentials: IDataObject, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

const AUTHENTICATE: Record<string, Authenticate> = {
	openAiAdminApi: new OpenAiAdminApi().authenticate as Authenticate,
	openAiOrgApi: new OpenAiOrgApi().authenticate as Authenticate,
};

/**
 * The editor's context for a picker (list search or load options), as far as the pickers use it: the node's current
 * parameters, the credential, and n8n's request helper, which signs with the credential's real `authenticate` (with
 * the credential data a node hands over, as n8n does) and sends straight to the test server.
 */
export function pickerContext(options: {
	credential: IDataObject;
	nodeParameters?: Record<string, unknown>;
	node?: Partial<INode>;
}): ILoadOptionsFunctions {
	const httpRequestWithAuthentication = async (
		type: string,
		request: IHttpRequestOptions,
		additional?: IAdditionalCredentialOptions,
	) => {
		const data = (additional?.credentialsDecrypted?.data as IDataObject | undefined) ?? options.credential;
		const signed = await AUTHENTICATE[type](data, request);
		const url = new URL(signed.url);
		for (const [name, value] of Object.entries(signed.qs ?? {})) url.searchParams.set(name, String(value));
		const response = await fetch(url, { method: signed.method, headers: signed.headers as Record<string, string> });
		return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.json() };
	};
	const node: INode = {
		id: 'n',
		name: 'OpenAI Projects',
		type: 'openAiProjects',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...options.node,
	};
	return {
		getCredentials: async () => options.credential,
		getCurrentNodeParameter: (name: string) => options.nodeParameters?.[name],
		getNode: () => node,
		helpers: { httpRequestWithAuthentication },
	} as unknown as ILoadOptionsFunctions;
}
