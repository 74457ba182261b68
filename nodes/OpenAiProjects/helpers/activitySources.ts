import type { IDataObject } from 'n8n-workflow';

/**
 * Everything OpenAI reports per project and day that counts as activity: the costs and every usage report of
 * the Admin API. `measure` reads what one grouped result counts (a positive number is activity); `requests` is
 * the part that is a number of requests, calls or sessions.
 */
export interface ActivitySource {
	/** the name in outputs (evidence, lastActivitySource) */
	name: string;
	path: string;
	/** the contract's largest page of day buckets */
	pageSize: number;
	unit: 'usd' | 'requests' | 'bytes';
	measure(result: IDataObject): number;
	requests(result: IDataObject): number;
}

function number(value: unknown): number {
	const parsed = Number(value ?? 0);
	return Number.isFinite(parsed) ? parsed : 0;
}

const modelRequests = (result: IDataObject) => number(result.num_model_requests);
const calls = (result: IDataObject) => number(result.num_requests);

function usage(kind: string, requests: (result: IDataObject) => number): ActivitySource {
	return { name: kind, path: `/organization/usage/${kind}`, pageSize: 31, unit: 'requests', measure: requests, requests };
}

export const COST_SOURCE: ActivitySource = {
	name: 'costs',
	path: '/organization/costs',
	pageSize: 180,
	unit: 'usd',
	measure: (result) => number((result.amount as IDataObject | undefined)?.value),
	requests: () => 0,
};

/**
 * Read in this order, costs first: they cover every paid kind at once, so most projects are known to be active
 * after one request, and a search with no candidates left reads no further report.
 */
export const ACTIVITY_SOURCES: readonly ActivitySource[] = [
	COST_SOURCE,
	usage('completions', modelRequests),
	usage('moderations', modelRequests),
	usage('embeddings', modelRequests),
	usage('images', modelRequests),
	usage('audio_speeches', modelRequests),
	usage('audio_transcriptions', modelRequests),
	{
		...usage('vector_stores', () => 0),
		unit: 'bytes',
		measure: (result) => number(result.usage_bytes),
	},
	usage('code_interpreter_sessions', (result) => number(result.num_sessions)),
	usage('file_search_calls', calls),
	usage('web_search_calls', calls),
];
