import { ADMIN_KEY_ACME, PROJECT_KEY_ACME } from '../../test/openai-server/fixtures';
import type { TaskOutcome } from './protocol';

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

/** A promise pool of `concurrency` workers sending one chat completion per item. */
export async function chatWithPool(
	baseUrl: string,
	items: number,
	concurrency: number,
): Promise<TaskOutcome> {
	const answers: string[] = new Array(items);
	let failedItems = 0;
	let next = 0;
	const worker = async () => {
		while (next < items) {
			const index = next++;
			const response = await fetch(`${baseUrl}/chat/completions`, {
				method: 'POST',
				headers: { authorization: `Bearer ${PROJECT_KEY_ACME}`, 'content-type': 'application/json' },
				body: JSON.stringify({
					model: 'gpt-4o-mini',
					messages: [{ role: 'user', content: `Question ${index}` }],
				}),
			});
			const body = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
			if (!response.ok) failedItems++;
			answers[index] = body.choices?.[0]?.message?.content ?? '';
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items) }, worker));
	return { items: answers.filter((answer) => answer !== undefined).length, failedItems };
}
