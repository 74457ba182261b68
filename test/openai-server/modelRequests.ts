import { isObject } from './context';
import * as E from './errors';

/** Rules shared by POST /chat/completions and POST /responses: service tier, metadata and structured output. */

const SERVICE_TIERS = ['auto', 'default', 'flex', 'scale', 'priority', 'fast'];

/**
 * The tier that serves the request, as the answer reports it: `auto` uses the project's setting (here always
 * `default`), `fast` is reported as `priority` (the contract says so), any other tier as asked.
 */
export function servedTier(value: unknown): string {
	if (value === undefined || value === null) return 'default';
	if (typeof value !== 'string' || !SERVICE_TIERS.includes(value)) {
		throw E.invalidValue('service_tier', `'${String(value)}' is not one of ${SERVICE_TIERS.map((tier) => `'${tier}'`).join(', ')}.`);
	}
	if (value === 'auto') return 'default';
	return value === 'fast' ? 'priority' : value;
}

const MAX_METADATA_KEYS = 16;

/** Up to 16 text values under keys of at most 64 characters (values at most 512), as the contract's Metadata. */
export function readMetadata(value: unknown): Record<string, string> {
	if (value === undefined || value === null) return {};
	if (!isObject(value)) throw E.invalidType('metadata', 'an object', value);
	const entries = Object.entries(value);
	if (entries.length > MAX_METADATA_KEYS) {
		throw E.invalidValue('metadata', `at most ${MAX_METADATA_KEYS} keys are allowed, got ${entries.length}.`);
	}
	for (const [key, text] of entries) {
		if (typeof text !== 'string') throw E.invalidType(`metadata.${key}`, 'a string', text);
		if (key.length > 64 || text.length > 512) throw E.invalidValue(`metadata.${key}`, 'keys hold at most 64 characters, values 512.');
	}
	return Object.fromEntries(entries) as Record<string, string>;
}

/** A JSON schema for structured output, checked as OpenAI checks it: a name and an object schema. */
export interface OutputSchema {
	name: string;
	schema: Record<string, unknown>;
}

export function readOutputSchema(format: Record<string, unknown>, param: string): OutputSchema {
	const { name, schema } = format;
	if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) {
		throw E.invalidValue(`${param}.name`, 'the name must be 1 to 64 letters, digits, underscores or dashes.');
	}
	if (!isObject(schema) || schema.type !== 'object') {
		throw E.invalidValue(`${param}.schema`, "the schema's root must be of type 'object'.");
	}
	return { name, schema };
}

/**
 * The answer under a JSON schema, predictable for tests: every property of the schema, text ones holding `echo`,
 * numbers its word count, booleans true, arrays empty, nested objects filled the same way.
 */
export function answerForSchema(schema: Record<string, unknown>, echo: string): Record<string, unknown> {
	const properties = isObject(schema.properties) ? schema.properties : {};
	return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, valueFor(property, echo)]));
}

function valueFor(property: unknown, echo: string): unknown {
	if (!isObject(property)) return null;
	if (Array.isArray(property.enum)) return property.enum[0];
	const type = Array.isArray(property.type) ? property.type[0] : property.type;
	switch (type) {
		case 'string':
			return echo;
		case 'integer':
		case 'number':
			return echo.split(/\s+/).filter(Boolean).length;
		case 'boolean':
			return true;
		case 'array':
			return [];
		case 'object':
			return answerForSchema(property, echo);
		default:
			return null;
	}
}
