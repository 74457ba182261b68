import { NodeOperationError, sleep } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import {
	credentialTypeOf,
	findCredentialProblem,
	isOrganizationId,
	isProjectId,
	keyKind,
	readCredentialValues,
} from './credentials';
import type { OpenAiOrgCredentials } from './credentials';
import { cancelSignalOf, startDeadline, withDeadline } from './deadline';
import { buildOpenAiApiError } from './errors';
import type { OpenAiFailure, RequestContext } from './errors';
import { pacerOf, pacingScope, reportAnswer, waitForTurn } from './executionPacing';
import { classifyInterruption } from './interruptions';
import {
	DEFAULT_MAX_RETRIES,
	advisedRetryWaitMs,
	connectionErrorCode,
	isRetryableStatus,
	requestedWaitBeyondCapMs,
	retryDelayMs,
	serverRetryAdvice,
	surelyNotProcessed,
} from './retry';

export type OpenAiFunctions = IExecuteFunctions | ILoadOptionsFunctions;

export interface OpenAiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. /organization/projects */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** How arrays go in the query string: OpenAI wants `group_by[]=project_id`. */
	arrayFormat?: 'brackets' | 'repeat';
	/** Overrides the credential's organization; empty or undefined keeps the credential's. */
	organizationId?: string;
	/** Overrides the credential's project; empty or undefined keeps the credential's. */
	projectId?: string;
	maxRetries?: number;
	timeoutMs?: number;
	itemIndex?: number;
	/** Names the thing a 404 could not find, e.g. "project proj_abc". */
	subject?: string;
	/**
	 * Marks a request that changes something and must not be repeated blindly (a create).
	 * When its answer is lost, `findLostResult` is asked whether it went through before any retry.
	 */
	notIdempotent?: boolean;
	findLostResult?: () => Promise<IDataObject | undefined>;
	/** The credential as already read for this walk through pages; read anew when absent. */
	credentials?: LoadedCredentials;
}

export interface OpenAiResponse<T = IDataObject> {
	body: T;
	headers: IDataObject;
	requestId?: string;
	/** The organization the request was sent under ('' when none was sent). */
	organizationId: string;
	projectId: string;
	/** True when the answer was lost and the result was found afterwards instead of repeating the request. */
	recovered?: boolean;
}

interface RawResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

type Attempt = { response: RawResponse } | { failure: OpenAiFailure };

const DEFAULT_TIMEOUT_MS = 300_000;
/** n8n's idle timer fires this much after the deadline, so that the deadline decides and names what happened. */
const IDLE_TIMER_SLACK_MS = 1_000;

/** The credential read once: its checked values, and the decrypted form n8n's request helper takes as is. */
export interface LoadedCredentials {
	values: OpenAiOrgCredentials;
	decrypted: ICredentialsDecrypted;
}

export async function loadCredentials(this: OpenAiFunctions, itemIndex = 0): Promise<LoadedCredentials> {
	// n8n hands out a deep copy of the node on every getNode(): one per request is enough.
	const node = this.getNode();
	const type = credentialTypeOf(node);
	const data = await this.getCredentials(type, itemIndex);
	const values = readCredentialValues(data);
	const problem = findCredentialProblem(values);
	if (problem) throw new NodeOperationError(node, problem, { itemIndex });
	const reference = node.credentials?.[type];
	return {
		values,
		decrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type, data },
	};
}

/** Trims and checks a node's per-item organization/project override; empty means "use the credential's". */
export function checkScopeOverrides(
	this: OpenAiFunctions,
	overrides: { organizationId?: string; projectId?: string; itemIndex?: number },
): { organizationId: string; projectId: string } {
	const itemIndex = overrides.itemIndex ?? 0;
	const organizationId = overrides.organizationId?.trim() ?? '';
	const projectId = overrides.projectId?.trim() ?? '';
	if (organizationId && !isOrganizationId(organizationId)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Organization ID" must look like org-AbC123…, not "${organizationId}"`,
			{ itemIndex, description: 'Leave it empty to use the credential\'s organization.' },
		);
	}
	if (projectId && !isProjectId(projectId)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Project ID" must look like proj_AbC123…, not "${projectId}"`,
			{ itemIndex, description: 'Leave it empty to use the credential\'s project.' },
		);
	}
	return { organizationId, projectId };
}

function chooseScope(
	this: OpenAiFunctions,
	credentials: OpenAiOrgCredentials,
	request: OpenAiRequest,
): Pick<RequestContext, 'organizationId' | 'organizationSource' | 'projectId'> {
	const overrides = checkScopeOverrides.call(this, request);
	const organizationId = overrides.organizationId || credentials.organizationId;
	return {
		organizationId,
		organizationSource: overrides.organizationId ? 'node' : organizationId ? 'credential' : 'none',
		projectId: overrides.projectId || credentials.projectId,
	};
}

function parseBody(body: unknown): { value?: unknown; malformed: boolean } {
	if (typeof body !== 'string') return { value: body, malformed: false };
	if (body.trim() === '') return { value: {}, malformed: false };
	try {
		return { value: JSON.parse(body), malformed: false };
	} catch {
		return { malformed: true };
	}
}

function headerText(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	return typeof value === 'string' ? value : undefined;
}

function failureFromResponse(response: RawResponse, retries: number): OpenAiFailure {
	const parsed = parseBody(response.body);
	const error = ((parsed.value as IDataObject | undefined)?.error ?? {}) as IDataObject;
	return {
		status: response.statusCode,
		openAiMessage: typeof error.message === 'string' ? error.message : undefined,
		openAiCode: typeof error.code === 'string' ? error.code : null,
		openAiType: typeof error.type === 'string' ? error.type : undefined,
		openAiParam: typeof error.param === 'string' ? error.param : null,
		requestId: headerText(response.headers, 'x-request-id'),
		retries,
	};
}

async function send(
	this: OpenAiFunctions,
	credentials: LoadedCredentials,
	options: IHttpRequestOptions,
	retries: number,
): Promise<Attempt> {
	// Timeout bounds the whole attempt, first byte to last; n8n's own `timeout` (an idle timer) is only a fallback.
	const timeoutMs = options.timeout ?? DEFAULT_TIMEOUT_MS;
	const deadline = startDeadline(this, timeoutMs);
	const call = withDeadline(this, { ...options, timeout: timeoutMs + IDLE_TIMER_SLACK_MS }, deadline);
	try {
		// Handing over the credential already read spares n8n a second database read and decryption per request.
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			call.caller,
			credentials.decrypted.type,
			call.options,
			{ credentialsDecrypted: { ...credentials.decrypted, data: { ...credentials.decrypted.data } } },
		)) as RawResponse;
		return { response };
	} catch (error) {
		// The user stopped the execution: nothing to retry or explain.
		if (deadline.cancelled()) return { failure: { connectionCode: 'CANCELLED', interruption: 'cancelled', retries } };
		const interrupted = classifyInterruption(error, deadline, timeoutMs);
		if (interrupted) return { failure: { ...interrupted, retries } };
		return { failure: { connectionCode: connectionErrorCode(error) ?? 'UNKNOWN', retries } };
	} finally {
		deadline.finish();
	}
}

/**
 * Repeats the call without the organization header: if the key works then, the key is fine and the
 * organization is the problem. This turns OpenAI's terse 401 into an answer the user can act on.
 */
async function proveOrganizationMismatch(
	this: OpenAiFunctions,
	credentials: LoadedCredentials,
	timeout: number,
): Promise<RequestContext['mismatchProof']> {
	const { apiKey, baseUrl } = credentials.values;
	const probePath = keyKind(apiKey) === 'admin' ? '/organization/projects' : '/models';
	const attempt = await send.call(
		this,
		credentials,
		{
			method: 'GET',
			url: `${baseUrl}${probePath}`,
			qs: probePath === '/models' ? undefined : { limit: 1 },
			headers: { 'OpenAI-Organization': '', 'OpenAI-Project': '' },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout,
		},
		0,
	);
	if (!('response' in attempt)) return undefined;
	const { statusCode } = attempt.response;
	if (statusCode >= 200 && statusCode < 300) return 'works without organization';
	return statusCode === 401 ? 'fails without organization' : undefined;
}

function blamesOrganization(failure: OpenAiFailure): boolean {
	if (failure.openAiCode === 'mismatched_organization' || failure.openAiCode === 'invalid_organization') return true;
	return /does not belong to the specified organization|no such organization/i.test(failure.openAiMessage ?? '');
}

export async function openAiRequest<T = IDataObject>(
	this: OpenAiFunctions,
	request: OpenAiRequest,
): Promise<OpenAiResponse<T>> {
	const itemIndex = request.itemIndex ?? 0;
	const credentials = request.credentials ?? (await loadCredentials.call(this, itemIndex));
	const { baseUrl, apiKey } = credentials.values;
	const scope = chooseScope.call(this, credentials.values, request);
	const maxRetries = request.maxRetries ?? DEFAULT_MAX_RETRIES;
	const timeout = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const context: RequestContext = {
		method: request.method,
		path: request.path,
		baseUrl,
		apiKey,
		subject: request.subject,
		...scope,
	};
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		arrayFormat: request.arrayFormat,
		// An empty value tells the credential to send no such header (OpenAI rejects empty ones).
		headers: { 'OpenAI-Organization': scope.organizationId, 'OpenAI-Project': scope.projectId },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout,
	};
	const answer = (body: unknown, headers: IDataObject, recovered?: boolean): OpenAiResponse<T> => ({
		body: body as T,
		headers,
		requestId: headerText(headers, 'x-request-id'),
		organizationId: scope.organizationId,
		projectId: scope.projectId,
		recovered,
	});

	// One execution's requests share the rate limits: the pacer spaces them and pauses them all after a 429.
	const pacer = pacerOf(this, pacingScope(request.method, request.path, scope.organizationId, scope.projectId));
	const cancelSignal = cancelSignalOf(this);
	const cancelled = () => cancelSignal?.aborted === true;

	for (let attempt = 0; ; attempt++) {
		const { sentAt } = await waitForTurn(pacer, request.body, cancelled);
		const result = await send.call(this, credentials, options, attempt);
		let failure: OpenAiFailure;
		let headers: IDataObject = {};
		if ('response' in result) {
			const { response } = result;
			headers = response.headers ?? {};
			const code = response.statusCode === 429 ? failureFromResponse(response, attempt).openAiCode : null;
			reportAnswer(pacer, sentAt, { status: response.statusCode, code, headers, advisedWaitMs: advisedRetryWaitMs(headers) });
			if (response.statusCode >= 200 && response.statusCode < 300) {
				const parsed = parseBody(response.body);
				if (!parsed.malformed) return answer(parsed.value, headers);
				failure = {
					status: response.statusCode,
					malformedBody: true,
					requestId: headerText(headers, 'x-request-id'),
					retries: attempt,
				};
			} else {
				failure = failureFromResponse(response, attempt);
				if (failure.status === 429) failure.requestedWaitMs = requestedWaitBeyondCapMs(headers);
			}
		} else {
			failure = result.failure;
		}

		if (failure.interruption === 'cancelled') throw buildOpenAiApiError(this.getNode(), failure, context, itemIndex);
		const canRetryKind =
			failure.status === undefined
				? failure.connectionCode !== 'UNKNOWN'
				: failure.malformedBody || isRetryableStatus(failure.status, failure.openAiCode);
		const advice = serverRetryAdvice(headers);
		const wantsRetry = attempt < maxRetries && (advice ?? canRetryKind);

		const outcomeUnknown =
			request.notIdempotent === true &&
			!surelyNotProcessed(failure) &&
			(failure.status === undefined || failure.status >= 500 || failure.malformedBody === true);
		if (outcomeUnknown && request.findLostResult) {
			// The change may have happened although no answer came back: look before asking again or giving up.
			const found = await request.findLostResult();
			if (found) return answer(found, headers, true);
		}
		const safeToRepeat =
			!request.notIdempotent || surelyNotProcessed(failure) || (outcomeUnknown && request.findLostResult !== undefined);
		if (wantsRetry && safeToRepeat) {
			// After a rate limit the pacer holds this request (and every other) as long as needed.
			if (failure.status !== 429) await sleep(retryDelayMs(attempt, headers));
			continue;
		}

		if (failure.status === 401 && scope.organizationId && blamesOrganization(failure)) {
			context.mismatchProof = await proveOrganizationMismatch.call(this, credentials, timeout);
		}
		throw buildOpenAiApiError(this.getNode(), failure, context, itemIndex);
	}
}
