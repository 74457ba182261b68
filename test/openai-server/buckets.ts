import { queryValue, type Query } from './context';
import * as E from './errors';

export interface BucketWindow {
	/** aligned bucket starts of this page */
	starts: number[];
	width: number;
	nextPage: string | null;
}

export interface BucketRules {
	widths: Record<string, { seconds: number; defaultLimit: number; maxLimit: number }>;
	nowSeconds: number;
}

/** Reads start_time, end_time, bucket_width, limit and page the way both the costs and usage endpoints do. */
export function readBucketWindow(query: Query, rules: BucketRules): BucketWindow {
	const startTime = readInteger(query, 'start_time');
	if (startTime === undefined) throw E.missingParameter('start_time');
	const endTime = readInteger(query, 'end_time') ?? rules.nowSeconds;
	if (endTime <= startTime) throw E.invalidValue('end_time', 'must be after start_time.');

	const widthName = queryValue(query, 'bucket_width') ?? '1d';
	const width = rules.widths[widthName];
	if (!width) {
		throw E.invalidValue(
			'bucket_width',
			`expected one of ${Object.keys(rules.widths).join(', ')}, got '${widthName}'.`,
		);
	}
	const limit = readInteger(query, 'limit') ?? width.defaultLimit;
	if (limit < 1 || limit > width.maxLimit)
		throw E.integerOutOfRange('limit', 1, width.maxLimit, limit);

	const firstStart = Math.floor(startTime / width.seconds) * width.seconds;
	const pageStart = readPage(queryValue(query, 'page')) ?? firstStart;
	const starts: number[] = [];
	for (let start = pageStart; start < endTime && starts.length < limit; start += width.seconds)
		starts.push(start);
	const following = pageStart + starts.length * width.seconds;
	return {
		starts,
		width: width.seconds,
		nextPage: following < endTime ? encodePage(following) : null,
	};
}

function readInteger(query: Query, name: string): number | undefined {
	const raw = queryValue(query, name);
	if (raw === undefined) return undefined;
	if (!/^-?\d+$/.test(raw)) throw E.invalidType(name, 'an integer', raw);
	return Number(raw);
}

function encodePage(start: number): string {
	return `page_${Buffer.from(`bucket:${start}`).toString('base64url')}`;
}

function readPage(page: string | undefined): number | undefined {
	if (page === undefined) return undefined;
	const decoded = /^page_(.+)$/.exec(page)?.[1];
	const match = decoded
		? /^bucket:(\d+)$/.exec(Buffer.from(decoded, 'base64url').toString())
		: null;
	if (!match) throw E.invalidValue('page', `'${page}' is not a page cursor from this endpoint.`);
	return Number(match[1]);
}
