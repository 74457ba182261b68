import { ORG_ACME, PROJECT_KEY_ACME } from '../../test/openai-server/fixtures';
import type { RecordedRequest } from '../../test/openai-server';
import { requestedTokens } from '../../test/openai-server/rateLimits';
import { answersTo, CHAT_COMPLETIONS_PATH, startBenchServer } from '../benchServer';
import { CHAT_MODEL, chatBody, customerMessages, MAX_ANSWER_TOKENS, SYSTEM_PROMPT } from '../chatPrompts';
import type { BenchConfig } from '../config';
import { measuredRun } from '../measuredRun';
import type { GoalCheck, ScenarioResult } from '../scenarioResult';
import { n8nUnavailable, withN8n } from './n8nSession';
import {
	CHAT_NODE_WORKFLOW_ID,
	chatCredentials,
	N8N_OPENAI_WORKFLOW_ID,
	n8nOpenAiWorkflow,
	orgChatWorkflow,
} from './n8nWorkflows';

/** What a run looked like from the server's side: answers by status and how requests were spread in time. */
export interface LimitedRunFigures {
	label: string;
	items: number;
	answered: number;
	failedItems: number;
	refusals: number;
	wallMs: number;
	/** Wall time over the ideal the limit allows. */
	overIdeal: number;
	/** Most requests that arrived within one second after any 429 (the limit allows `perSecond`). */
	mostInSecondAfter429: number;
}

/** Most requests arriving in the second after a 429: a client that bursts after a 429 shows it here. */
export function mostInSecondAfter429(requests: RecordedRequest[]): number {
	const times = requests.map((request) => request.receivedAtMs).sort((a, b) => a - b);
	let most = 0;
	for (const refused of requests.filter((request) => request.status === 429)) {
		const inSecond = times.filter((time) => time > refused.receivedAtMs && time <= refused.receivedAtMs + 1000).length;
		most = Math.max(most, inSecond);
	}
	return most;
}

export function figuresFromServer(
	label: string,
	requests: RecordedRequest[],
	outcome: { items: number; failedItems: number; wallMs: number },
	idealMs: number,
): LimitedRunFigures {
	return {
		label,
		items: outcome.items,
		answered: requests.filter((request) => request.status === 200).length,
		failedItems: outcome.failedItems,
		refusals: requests.filter((request) => request.status === 429).length,
		wallMs: outcome.wallMs,
		overIdeal: outcome.wallMs / idealMs,
		mostInSecondAfter429: mostInSecondAfter429(requests),
	};
}

export function limitedRows(figures: LimitedRunFigures[]): string[][] {
	return figures.map((figure) => [
		figure.label,
		String(figure.items),
		String(figure.answered),
		String(figure.refusals),
		String(figure.failedItems),
		(figure.wallMs / 1000).toFixed(1),
		figure.overIdeal.toFixed(3),
		figure.refusals ? String(figure.mostInSecondAfter429) : '–',
	]);
}

export const LIMITED_COLUMNS = ['client', 'items', 'answered 200', '429s', 'failed items', 'wall s', 'wall / ideal', 'most requests in 1 s after a 429'];

/**
 * Scenario 6: chat items under 500 requests and 150,000 tokens a minute (the test server enforces them as
 * OpenAI does), this package's chat node and n8n's own OpenAI node inside the same real n8n, beside a plain
 * promise pool with retries. One run each: at the limit every run takes minutes.
 */
export async function chatUnderRateLimits(config: BenchConfig): Promise<ScenarioResult> {
	const settings = config.limitedChat;
	const { items, requestsPerMinute, tokensPerMinute } = settings;
	const tokens = Array.from({ length: items }, (_, index) => requestedTokens(chatBody(index)).tokens);
	const totalTokens = tokens.reduce((sum, value) => sum + value, 0);
	const idealMs = Math.max(items / requestsPerMinute, totalTokens / tokensPerMinute) * 60_000;
	const title = `6. Chat, ${items} items under ${requestsPerMinute} RPM / ${tokensPerMinute} TPM (enforced by the test server, one-minute sliding window), ${settings.latencyMs} ms latency, 1 run`;
	const unavailable = n8nUnavailable();
	const server = await startBenchServer({
		latencyMs: settings.latencyMs,
		rateLimits: { model: { requestsPerMinute, tokensPerMinute } },
	});
	const figures: LimitedRunFigures[] = [];
	const fromServer = (label: string, outcome: { items: number; failedItems: number; wallMs: number }) => {
		figures.push(figuresFromServer(label, answersTo(server, 'POST', CHAT_COMPLETIONS_PATH), outcome, idealMs));
		// Each client starts with an empty window, as a fresh organization would.
		server.reset();
	};
	try {
		server.reset();
		const pool = await measuredRun({ kind: 'chatWithRetryPool', baseUrl: server.url, items, concurrency: settings.itemsAtOnce });
		fromServer(`plain promise pool of ${settings.itemsAtOnce}, retries with Retry-After`, pool);
		if (!unavailable) {
			const messages = customerMessages(items);
			const chat = { system: SYSTEM_PROMPT, model: CHAT_MODEL, maxTokens: MAX_ANSWER_TOKENS };
			await withN8n(
				{
					credentials: chatCredentials(server.url, PROJECT_KEY_ACME, ORG_ACME),
					workflows: [
						orgChatWorkflow(messages, { ...chat, itemsAtOnce: settings.itemsAtOnce }),
						n8nOpenAiWorkflow(messages, chat),
					],
				},
				async (n8n) => {
					for (const [workflowId, label, nodeName] of [
						[CHAT_NODE_WORKFLOW_ID, `OpenAI Chat (Organization), Items at Once ${settings.itemsAtOnce} (real n8n)`, 'OpenAI Chat'],
						[N8N_OPENAI_WORKFLOW_ID, "n8n's OpenAI node 1.8, Message a Model (real n8n)", 'OpenAI'],
					] as const) {
						server.reset();
						const execution = await n8n.execute(workflowId, label);
						const output = execution.parsed.itemsOf(nodeName) as Array<{ json?: { error?: unknown } }>;
						fromServer(label, {
							items: output.length,
							failedItems: output.filter((item) => item.json?.error !== undefined).length,
							wallMs: execution.executionMs,
						});
					}
				},
			);
		}
	} finally {
		await server.close();
	}

	const goals: GoalCheck[] = figures
		.filter((figure) => figure.label.startsWith('OpenAI Chat'))
		.flatMap((figure) => [
			{ goal: 'chat node: every item answered, none failed', actual: `${figure.answered} answered, ${figure.failedItems} failed`, met: figure.answered === items && figure.failedItems === 0 },
			{ goal: 'chat node: at most a handful (5) of 429s', actual: String(figure.refusals), met: figure.refusals <= 5 },
			{ goal: 'chat node: wall time within 10 % of the ideal', actual: figure.overIdeal.toFixed(3), met: figure.overIdeal <= 1.1 },
		]);
	return {
		id: 'chatUnderLimits',
		title,
		columns: LIMITED_COLUMNS,
		rows: limitedRows(figures),
		goals,
		notes: [
			`Ideal: ${(idealMs / 1000).toFixed(0)} s = the larger of ${items} requests at ${requestsPerMinute} a minute and ${totalTokens} tokens (${(totalTokens / items).toFixed(0)} a request by OpenAI's count: message characters / 4 + ${MAX_ANSWER_TOKENS} answer tokens) at ${tokensPerMinute} a minute.`,
			'Wall time of the n8n rows is n8n\'s own execution time (the message list and Split Out included, a few ms); the pool\'s is its process\'s run.',
			'Failed items of the n8n rows are error items (Continue On Fail). n8n\'s OpenAI node has no retry of its own; n8n\'s "Retry On Fail" would run the node again for every item.',
			...(unavailable ? [`The real n8n rows are missing: ${unavailable}`] : []),
		],
		data: { idealMs, totalTokens, figures, settings },
	};
}
