/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Query } from './context';

export function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

export function parseQuery(search: URLSearchParams): Query {
	const query: Query = {};
	for (const [name, value] of search) {
		const existing = query[name];
		query[name] = existing === undefined ? value : [existing, value].flat();
	}
	return query;
}

/** The parsed JSON body, the raw text when it is not JSON, undefined when there is none. */
export function parseBodyForRecord(raw: string): unknown {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export function requestId(): string {
	return `req_${randomBytes(16).toString('hex')}`;
}

export function sendJson(
	response: ServerResponse,
	status: number,
	text: string,
	headers: Record<string, string> = {},
): void {
	response.writeHead(status, {
		'content-type': 'application/json',
		'x-request-id': requestId(),
		'openai-version': '2020-10-01',
		...headers,
	});
	response.end(text);
}

/**
 * Paths under /web/ stand for a Base URL that points at a web site instead of the API (a site's 404 page,
 * a proxy's error page): they answer HTML, as such pages do.
 */
export const WEB_PAGE_PREFIX = '/web/';
export const NOT_FOUND_PAGE =
	'<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The page you asked for does not exist.</p></body></html>\n';

export function sendHtml(response: ServerResponse, status: number, html: string): void {
	response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
	response.end(html);
}

export function delay(ms: number): Promise<void> {
	return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
