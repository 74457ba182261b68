import type { IDataObject } from 'n8n-workflow';

import type { TimeBucket } from './bucketPages';
import { projectNameOf } from './projectNames';
import type { Project } from './projects';
import { utcDate, utcIso } from './timeRange';

export interface UsageItem extends IDataObject {
	date: string;
	hour?: number;
	startTime: string;
	endTime: string;
	projectId: string | null;
	projectName: string | null;
	model?: string | null;
	inputTokens: number;
	outputTokens: number;
	inputCachedTokens: number;
	requests: number;
}

export interface UsageShape {
	byModel: boolean;
	hourly: boolean;
}

function count(value: unknown): number {
	const number = Number(value ?? 0);
	return Number.isFinite(number) ? number : 0;
}

/** One item per bucket (day or hour) and project (and model when `byModel`), named from the project directory. */
export function toUsageItems(buckets: TimeBucket[], directory: Map<string, Project>, shape: UsageShape): UsageItem[] {
	return buckets.flatMap((bucket) =>
		bucket.results.map((result) => {
			const projectId = typeof result.project_id === 'string' ? result.project_id : null;
			const item: UsageItem = {
				date: utcDate(bucket.start_time),
				startTime: utcIso(bucket.start_time),
				endTime: utcIso(bucket.end_time),
				projectId,
				projectName: projectNameOf(directory, projectId),
				inputTokens: count(result.input_tokens),
				outputTokens: count(result.output_tokens),
				inputCachedTokens: count(result.input_cached_tokens),
				requests: count(result.num_model_requests),
			};
			if (shape.hourly) item.hour = new Date(bucket.start_time * 1000).getUTCHours();
			if (shape.byModel) item.model = typeof result.model === 'string' ? result.model : null;
			return item;
		}),
	);
}
