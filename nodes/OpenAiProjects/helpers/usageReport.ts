import { reportRows } from './report';
import type { ReportAnswer, ReportRow } from './report';

export interface UsageItem extends ReportRow {
	hour?: number;
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
export function toUsageItems(report: Pick<ReportAnswer, 'buckets' | 'directory'>, shape: UsageShape): UsageItem[] {
	return reportRows(report, (row, result, bucket) => {
		const item: UsageItem = {
			...row,
			inputTokens: count(result.input_tokens),
			outputTokens: count(result.output_tokens),
			inputCachedTokens: count(result.input_cached_tokens),
			requests: count(result.num_model_requests),
		};
		if (shape.hourly) item.hour = new Date(bucket.start_time * 1000).getUTCHours();
		if (shape.byModel) item.model = typeof result.model === 'string' ? result.model : null;
		return item;
	});
}
