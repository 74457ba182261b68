/**
 * The usage reports OpenAI serves (GET /organization/usage/<kind>), as the contract describes them: what each may be
 * grouped by besides the project, and the counted fields of its results with the names the node gives them.
 */
export interface UsageKind {
	/** the path's last part and the "Kind" value */
	value: string;
	name: string;
	/** group_by fields besides project_id (always grouped by) and model ("Split by Model") */
	groupBy: string[];
	/** whether "Split by Model" applies */
	hasModel: boolean;
	/** result field → item field */
	figures: Record<string, string>;
}

const USER_AND_KEY = ['user_id', 'api_key_id'];

/**
 * A report of a model's use: split by model if asked, grouped by user and API key (and `moreGroupBy`), its
 * `figures` followed by the model requests counted.
 */
function modelUsage(value: string, name: string, figures: Record<string, string>, moreGroupBy: string[] = []): UsageKind {
	return {
		value,
		name,
		groupBy: [...USER_AND_KEY, ...moreGroupBy],
		hasModel: true,
		figures: { ...figures, num_model_requests: 'requests' },
	};
}

export const USAGE_KINDS: UsageKind[] = [
	modelUsage(
		'completions',
		'Completions',
		{ input_tokens: 'inputTokens', output_tokens: 'outputTokens', input_cached_tokens: 'inputCachedTokens' },
		['batch', 'service_tier'],
	),
	modelUsage('embeddings', 'Embeddings', { input_tokens: 'inputTokens' }),
	modelUsage('moderations', 'Moderations', { input_tokens: 'inputTokens' }),
	modelUsage('images', 'Images', { images: 'images' }, ['size', 'source']),
	modelUsage('audio_speeches', 'Audio Speeches', { characters: 'characters' }),
	modelUsage('audio_transcriptions', 'Audio Transcriptions', { seconds: 'seconds' }),
	{ value: 'vector_stores', name: 'Vector Stores', groupBy: [], hasModel: false, figures: { usage_bytes: 'usageBytes' } },
	{
		value: 'code_interpreter_sessions',
		name: 'Code Interpreter Sessions',
		groupBy: [],
		hasModel: false,
		figures: { num_sessions: 'sessions' },
	},
	{
		value: 'file_search_calls',
		name: 'File Search Calls',
		groupBy: [...USER_AND_KEY, 'vector_store_id'],
		hasModel: false,
		figures: { num_requests: 'requests' },
	},
	{
		value: 'web_search_calls',
		name: 'Web Search Calls',
		groupBy: [...USER_AND_KEY, 'context_level'],
		hasModel: true,
		figures: { num_model_requests: 'modelRequests', num_requests: 'requests' },
	},
];

/** The item field of a group_by field, e.g. api_key_id → apiKeyId. */
export function itemFieldOf(field: string): string {
	return field.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** The "Group By" choices, each named as the report item names the field. */
export const GROUP_BY_NAMES: Record<string, string> = {
	api_key_id: 'API Key',
	batch: 'Batch',
	context_level: 'Context Level',
	service_tier: 'Service Tier',
	size: 'Image Size',
	source: 'Image Source',
	user_id: 'User',
	vector_store_id: 'Vector Store',
};
