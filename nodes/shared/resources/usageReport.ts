import type { IDataObject } from 'n8n-workflow';

import { reportRows } from './report';
import type { ReportAnswer, ReportRow } from './report';
import { itemFieldOf } from './usageKinds';
import type { UsageKind } from './usageKinds';

export interface UsageItem extends ReportRow {
	hour?: number;
	minute?: number;
	model?: string | null;
}

export interface UsageShape {
	kind: Pick<UsageKind, 'figures'>;
	byModel: boolean;
	/** the bucket width in seconds: hourly and minute buckets name their hour (and minute) */
	bucketSeconds: number;
	/** group_by fields besides project_id and model, each put out as its item field */
	groupBy: string[];
}

function count(value: unknown): number {
	const number = Number(value ?? 0);
	return Number.isFinite(number) ? number : 0;
}

function label(value: unknown): string | boolean | null {
	return typeof value === 'string' || typeof value === 'boolean' ? value : null;
}

/**
 * One item per bucket (day, hour or minute) and project (and model when `byModel`, and each grouped field), named
 * from the project directory, with the kind's counted fields.
 */
export function toUsageItems(report: Pick<ReportAnswer, 'buckets' | 'directory'>, shape: UsageShape): UsageItem[] {
	return reportRows(report, (row, result, bucket) => {
		const item: UsageItem = { ...row };
		for (const [field, name] of Object.entries(shape.kind.figures)) item[name] = count(result[field]);
		const start = new Date(bucket.start_time * 1000);
		if (shape.bucketSeconds < 86_400) item.hour = start.getUTCHours();
		if (shape.bucketSeconds < 3_600) item.minute = start.getUTCMinutes();
		if (shape.byModel) item.model = typeof result.model === 'string' ? result.model : null;
		for (const field of shape.groupBy) item[itemFieldOf(field)] = label(result[field]) as IDataObject[string];
		return item;
	});
}
