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

export const USAGE_KINDS: UsageKind[] = [
	{
		value: 'completions',
		name: 'Completions',
		groupBy: [...USER_AND_KEY, 'batch', 'service_tier'],
		hasModel: true,
		figures: {
			input_tokens: 'inputTokens',
			output_tokens: 'outputTokens',
			input_cached_tokens: 'inputCachedTokens',
			num_model_requests: 'requests',
		},
	},
	{
		value: 'embeddings',
		name: 'Embeddings',
		groupBy: USER_AND_KEY,
		hasModel: true,
		figures: { input_tokens: 'inputTokens', num_model_requests: 'requests' },
	},
	{
		value: 'moderations',
		name: 'Moderations',
		groupBy: USER_AND_KEY,
		hasModel: true,
		figures: { input_tokens: 'inputTokens', num_model_requests: 'requests' },
	},
	{
		value: 'images',
		name: 'Images',
		groupBy: [...USER_AND_KEY, 'size', 'source'],
		hasModel: true,
		figures: { images: 'images', num_model_requests: 'requests' },
	},
	{
		value: 'audio_speeches',
		name: 'Audio Speeches',
		groupBy: USER_AND_KEY,
		hasModel: true,
		figures: { characters: 'characters', num_model_requests: 'requests' },
	},
	{
		value: 'audio_transcriptions',
		name: 'Audio Transcriptions',
		groupBy: USER_AND_KEY,
		hasModel: true,
		figures: { seconds: 'seconds', num_model_requests: 'requests' },
	},
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
