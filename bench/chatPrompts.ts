/**
 * Chat requests with realistic token counts for the rate-limit scenario: a support assistant's instructions and a
 * customer message of 20 to 90 words, answer capped at 100 tokens. By OpenAI's count (characters / 4 plus the
 * answer's maximum) a request weighs about 250 tokens, so 500 requests a minute use about 125,000 of 150,000
 * tokens: the requests limit binds, and long messages in a row bring the tokens limit close.
 */
export const SYSTEM_PROMPT =
	'You are a support assistant for a software company. Read the customer message, name its urgency (low, normal, high) and product area, and answer in one short paragraph.';
export const MAX_ANSWER_TOKENS = 100;
export const CHAT_MODEL = 'gpt-4o-mini';

const WORDS = [
	'invoice', 'export', 'dashboard', 'password', 'account', 'workflow', 'report', 'billing', 'customer', 'error',
	'login', 'settings', 'integration', 'webhook', 'timeout', 'upgrade', 'license', 'project', 'schedule', 'team',
	'the', 'our', 'since', 'yesterday', 'cannot', 'again', 'please', 'after', 'update', 'shows', 'nothing', 'when',
	'we', 'open', 'monthly', 'page', 'loads', 'slowly', 'every', 'morning', 'and', 'sometimes', 'fails', 'with',
];

/** The customer message of item `index`: the same for every run and every client. */
export function customerMessage(index: number): string {
	let state = (index + 1) * 2_654_435_761;
	const next = () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state;
	};
	const length = 20 + (next() % 71);
	return Array.from({ length }, () => WORDS[next() % WORDS.length]).join(' ');
}

export function customerMessages(items: number): string[] {
	return Array.from({ length: items }, (_, index) => customerMessage(index));
}

export function chatBody(index: number) {
	return {
		model: CHAT_MODEL,
		messages: [
			{ role: 'system', content: SYSTEM_PROMPT },
			{ role: 'user', content: customerMessage(index) },
		],
		max_completion_tokens: MAX_ANSWER_TOKENS,
	};
}
