/* eslint-disable @n8n/community-nodes/no-restricted-globals -- bench code: plain clients in a measured child process, never inside n8n */
import { ADMIN_KEY_ACME, PROJECT_KEY_ACME } from '../../test/openai-server/fixtures';
import { chatBody } from '../chatPrompts';
import type { ChatApi, TaskOutcome } from './protocol';

/** One item's request to either API, as a few lines of code would write it, and where its answer's text is. */
export function chatRequest(api: ChatApi, index: number): { path: string; body: Record<string, unknown> } {
	const messages = [{ role: 'user', content: `Question ${index}` }];
	return api === 'responses'
		? { path: '/responses', body: { model: 'gpt-4o-mini', input: messages } }
		: { path: '/chat/completions', body: { model: 'gpt-4o-mini', messages } };
}

interface AnswerBody {
	choices?: Array<{ message?: { content?: string } }>;
	output?: Array<{ content?: Array<{ text?: string }> }>;
}

function answerText(body: AnswerBody): string {
	return body.choices?.[0]?.message?.content ?? body.output?.find((entry) => entry.content)?.content?.[0]?.text ?? '';
}

/** The floor: what a few lines of code with Node's fetch reach against the same server. Nothing is tuned. */
export async function listWithFetch(baseUrl: string): Promise<TaskOutcome> {
	const projects: unknown[] = [];
	let after: string | undefined;
	for (;;) {
		const url = new URL(`${baseUrl}/organization/projects`);
		url.searchParams.set('limit', '100');
		if (after) url.searchParams.set('after', after);
		const response = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_KEY_ACME}` } });
		if (!response.ok) throw new Error(`the list answered ${response.status}`);
		const page = (await response.json()) as { data: unknown[]; has_more: boolean; last_id: string };
		projects.push(...page.data);
		if (!page.has_more) break;
		after = page.last_id;
	}
	return { items: projects.length, failedItems: 0 };
}

/** A promise pool of `concurrency` workers sending one chat completion (or response) per item. */
export async function chatWithPool(
	baseUrl: string,
	items: number,
	concurrency: number,
	api: ChatApi = 'chatCompletions',
): Promise<TaskOutcome> {
	const answers: string[] = new Array(items);
	let failedItems = 0;
	let next = 0;
	const worker = async () => {
		while (next < items) {
			const index = next++;
			const request = chatRequest(api, index);
			const response = await fetch(`${baseUrl}${request.path}`, {
				method: 'POST',
				headers: { authorization: `Bearer ${PROJECT_KEY_ACME}`, 'content-type': 'application/json' },
				body: JSON.stringify(request.body),
			});
			const body = (await response.json()) as AnswerBody;
			if (!response.ok) failedItems++;
			answers[index] = answerText(body);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items) }, worker));
	return { items: answers.filter((answer) => answer !== undefined).length, failedItems };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a plain client waits before retry `attempt`: Retry-After when sent, else 1 s doubling. */
function retryWaitMs(response: Response, attempt: number): number {
	const retryAfter = Number(response.headers.get('retry-after'));
	return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** attempt;
}

const MAX_POOL_RETRIES = 5;

/** `concurrency` workers taking item after item; `send` answers whether the item succeeded. */
export async function promisePool(
	items: number,
	concurrency: number,
	send: (index: number) => Promise<boolean>,
): Promise<TaskOutcome> {
	let failedItems = 0;
	let next = 0;
	const worker = async () => {
		while (next < items) if (!(await send(next++))) failedItems++;
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items) }, worker));
	return { items, failedItems };
}

/** The promise pool with what a coder adds after the first 429s: retries that honour Retry-After. */
export async function chatWithRetryPool(baseUrl: string, items: number, concurrency: number): Promise<TaskOutcome> {
	return await promisePool(items, concurrency, async (index) => {
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(`${baseUrl}/chat/completions`, {
				method: 'POST',
				headers: { authorization: `Bearer ${PROJECT_KEY_ACME}`, 'content-type': 'application/json' },
				body: JSON.stringify(chatBody(index)),
			});
			await response.arrayBuffer();
			if (response.ok) return true;
			if (response.status !== 429 || attempt === MAX_POOL_RETRIES) return false;
			await sleep(retryWaitMs(response, attempt));
		}
	});
}

/** One archive after the other, retrying a 429 with backoff (the Admin API sends no Retry-After). */
export async function archiveWithLoop(baseUrl: string, projectIds: string[], maxRetries: number): Promise<TaskOutcome> {
	let failedItems = 0;
	for (const id of projectIds) {
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(`${baseUrl}/organization/projects/${id}/archive`, {
				method: 'POST',
				headers: { authorization: `Bearer ${ADMIN_KEY_ACME}` },
			});
			await response.arrayBuffer();
			if (response.ok) break;
			if (response.status !== 429 || attempt === maxRetries) {
				failedItems++;
				break;
			}
			await sleep(retryWaitMs(response, attempt));
		}
	}
	return { items: projectIds.length, failedItems };
}
