import { queryValue, type Handler } from '../context';
import { cursorPage } from './controlsCommon';

/**
 * GET /chat/completions: the chat completions of the caller's project that were created with `store: true`,
 * oldest first (`order=desc` for newest first), filtered by `model` and by `metadata[key]=value` (every pair must
 * match), paged with `limit` (default 20, at most 100) and `after`.
 */
export const listChatCompletions: Handler = (context) => {
	const { world, caller, query } = context;
	const model = queryValue(query, 'model');
	const metadata = Object.entries(query).flatMap(([name, value]) => {
		const key = /^metadata\[(.+)\]$/.exec(name)?.[1];
		return key === undefined ? [] : [[key, [value].flat().pop() ?? ''] as const];
	});
	const stored = world.state.storedChatCompletions
		.filter((entry) => entry.organizationId === caller.organizationId && entry.projectId === (caller.projectId ?? ''))
		.map((entry) => entry.body as { id: string; model?: unknown; metadata?: Record<string, string> })
		.filter((completion) => model === undefined || completion.model === model)
		.filter((completion) => metadata.every(([key, value]) => completion.metadata?.[key] === value));
	const page = cursorPage(context, stored, { defaultLimit: 20, minLimit: 1, maxLimit: 100, ordered: true });
	// The contract's ChatCompletionList has first_id and last_id as strings, empty list or not.
	return { body: { ...page, first_id: page.first_id ?? '', last_id: page.last_id ?? '' } };
};
