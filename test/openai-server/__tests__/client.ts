import { validateErrorBody, validateResponse } from '../../contract/openapi';
import type { OpenAiTestServer } from '../types';

export interface CallOptions {
	key?: string;
	organization?: string;
	project?: string;
	query?: Record<string, string | string[]>;
	body?: unknown;
	/** sent as is, for bodies that are not JSON */
	rawBody?: string;
}

export interface CallResult {
	status: number;
	headers: Headers;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of any answer
	body: any;
}

export function buildUrl(
	server: OpenAiTestServer,
	path: string,
	query: CallOptions['query'] = {},
): string {
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(query))
		for (const item of [value].flat()) search.append(name, item);
	const text = search.toString();
	return `${server.url}${path}${text ? `?${text}` : ''}`;
}

export function requestInit(method: string, options: CallOptions): RequestInit {
	const headers: Record<string, string> = {};
	if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
	if (options.organization !== undefined) headers['openai-organization'] = options.organization;
	if (options.project !== undefined) headers['openai-project'] = options.project;
	const body =
		options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	if (body !== undefined) headers['content-type'] = 'application/json';
	return { method, headers, body };
}

/**
 * Calls the server and checks what every OpenAI answer must satisfy: a JSON body that the contract accepts
 * (ErrorResponse for 4xx/5xx), JSON content type and an x-request-id.
 */
export async function call(
	server: OpenAiTestServer,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	options: CallOptions = {},
): Promise<CallResult> {
	const response = await fetch(buildUrl(server, path, options.query), requestInit(method, options));
	const text = await response.text();
	const body = JSON.parse(text);
	const problems = validateResponse(method, path, response.status, body);
	const outsideContract = problems.length === 1 && problems[0].endsWith('is not in the contract');
	const remaining = outsideContract ? validateErrorBody(body) : problems;
	if (remaining.length > 0)
		throw new Error(`Contract violations:\n${remaining.join('\n')}\n${text.slice(0, 500)}`);
	if (!/^application\/json/.test(response.headers.get('content-type') ?? ''))
		throw new Error('Answer is not JSON');
	if (!/^req_[0-9a-f]{32}$/.test(response.headers.get('x-request-id') ?? ''))
		throw new Error('No x-request-id');
	return { status: response.status, headers: response.headers, body };
}

export function expectError(
	result: CallResult,
	status: number,
	code: string | null,
	message?: string | RegExp,
): void {
	expect(result.status).toBe(status);
	expect(result.body.error.code).toBe(code);
	if (typeof message === 'string') expect(result.body.error.message).toBe(message);
	else if (message) expect(result.body.error.message).toMatch(message);
}
