import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { authenticateOpenAi } from '../../nodes/shared/authenticate';
import { readCredentialValues } from '../../nodes/shared/transport/credentials';
import { decideRetry } from '../../nodes/shared/transport/retry';
import type { RetrySituation } from '../../nodes/shared/transport/retry';
import { decideScope, NO_SCOPE, withScope } from '../../nodes/shared/transport/scope';
import type { ScopeOverrides } from '../../nodes/shared/transport/scope';

const credential = readCredentialValues({ apiKey: ' sk-proj-abc ', organizationId: ' org-Cred ', projectId: 'proj_Cred', baseUrl: '' });
const authenticate = authenticateOpenAi as (credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
const overrides = (organizationId = '', projectId = '') => ({ organizationId, projectId }) as ScopeOverrides;

describe('one decision of the organization and project', () => {
	test("the node's override wins, the credential's fills in, none when neither has one", () => {
		expect(decideScope(credential, overrides('org-Node'))).toEqual({ organizationId: 'org-Node', organizationSource: 'node', projectId: 'proj_Cred' });
		expect(decideScope(credential)).toEqual({ organizationId: 'org-Cred', organizationSource: 'credential', projectId: 'proj_Cred' });
		expect(decideScope({ ...credential, organizationId: '', projectId: '' }, overrides())).toEqual(NO_SCOPE);
	});

	test('authenticate sends the decided scope as headers, and none that is empty', async () => {
		const decrypted = { id: 'c', name: 'c', type: 'openAiOrgApi', data: { apiKey: ' sk-proj-abc ', organizationId: 'org-Cred', projectId: 'proj_Cred' } };
		const signed = await authenticate(withScope(decrypted, decideScope(credential, overrides('org-Node'))).data!, { url: '/models' } as IHttpRequestOptions);
		expect(signed.headers).toEqual({ Authorization: 'Bearer sk-proj-abc', 'OpenAI-Organization': 'org-Node', 'OpenAI-Project': 'proj_Cred' });
		const none = await authenticate(withScope(decrypted, NO_SCOPE).data!, { url: '/models' } as IHttpRequestOptions);
		expect(none.headers).toEqual({ Authorization: 'Bearer sk-proj-abc' });
	});

	test('authenticate leaves a header the request already carries', async () => {
		const signed = await authenticate({ apiKey: 'sk-proj-abc', organizationId: 'org-Cred' }, { url: '/models', headers: { 'openai-organization': 'org-Own' } } as IHttpRequestOptions);
		expect(signed.headers).toEqual({ Authorization: 'Bearer sk-proj-abc', 'openai-organization': 'org-Own' });
	});
});

describe('the retry decision', () => {
	const situation = (change: Partial<RetrySituation>): RetrySituation => ({
		failure: { status: 503, retries: 0 },
		attempt: 0,
		maxRetries: 3,
		notIdempotent: false,
		canFindLostResult: false,
		...change,
	});

	test('retries what may pass, up to Max Retries, unless OpenAI says otherwise', () => {
		expect(decideRetry(situation({}))).toEqual({ lookForLostResult: false, retry: true, wait: 'backoff' });
		expect(decideRetry(situation({ attempt: 3 })).retry).toBe(false);
		expect(decideRetry(situation({ failure: { status: 429, openAiCode: 'insufficient_quota', retries: 0 } })).retry).toBe(false);
		expect(decideRetry(situation({ failure: { status: 400, retries: 0 }, serverAdvice: true })).retry).toBe(true);
		expect(decideRetry(situation({ serverAdvice: false })).retry).toBe(false);
		expect(decideRetry(situation({ failure: { connectionCode: 'UNKNOWN', retries: 0 } })).retry).toBe(false);
	});

	test('a create whose answer was lost is looked for first, and never repeated blindly', () => {
		expect(decideRetry(situation({ notIdempotent: true, canFindLostResult: true }))).toEqual({ lookForLostResult: true, retry: true, wait: 'backoff' });
		expect(decideRetry(situation({ notIdempotent: true }))).toEqual({ lookForLostResult: false, retry: false, wait: 'backoff' });
		// Refused at the door: nothing can have been created, so it is simply sent again.
		// The pacer holds it (and every other request) as long as OpenAI asked, instead of the backoff.
		expect(decideRetry(situation({ notIdempotent: true, failure: { status: 429, retries: 0 } }))).toEqual({ lookForLostResult: false, retry: true, wait: 'pacer' });
	});
});
