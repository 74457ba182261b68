import type { Caller } from './auth';
import type { Random } from './random';
import type { KeyGrant } from './seed';
import type { ServerState } from './types';

export type Query = Record<string, string | string[]>;

export interface World {
	state: ServerState;
	grants: Map<string, KeyGrant>;
	/** ids and other values minted while serving; reseeded on reset() so runs repeat */
	random: Random;
	seed: number;
	costsDays: number;
	now: () => number;
}

export interface HandlerContext {
	world: World;
	caller: Caller;
	params: Record<string, string>;
	query: Query;
	body: unknown;
	/** set when a repeat_cursor fault applies to this request */
	repeatCursor: boolean;
}

export interface HandlerResult {
	status?: number;
	body: unknown;
	headers?: Record<string, string>;
	/** sent as is instead of the body as JSON (a file's content) */
	raw?: string;
}

export type Handler = (context: HandlerContext) => HandlerResult;

export function nowSeconds(world: World): number {
	return Math.floor(world.now() / 1000);
}

/** Reads an array parameter sent as `name[]=a&name[]=b` or `name=a&name=b`. */
export function queryArray(query: Query, name: string): string[] {
	return [query[name], query[`${name}[]`]]
		.flat()
		.filter((value): value is string => typeof value === 'string');
}

export function queryValue(query: Query, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[value.length - 1] : value;
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
