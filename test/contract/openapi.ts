/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Validates requests and responses against OpenAI's OpenAPI subset (../shared/openai-spec, OpenAPI 3.1).
 * Every function answers a list of problems; an empty list means valid.
 */

const SPEC_ID = 'https://openai-admin-subset.local/spec.json';
const SPEC_PATH_CANDIDATES = [
	process.env.OPENAI_SPEC_PATH,
	resolve(__dirname, '../../../shared/openai-spec/openai-admin-subset.json'),
	resolve(__dirname, '../../shared/openai-spec/openai-admin-subset.json'),
].filter((path): path is string => typeof path === 'string');
/** The model endpoints' contract (Responses, Files, Batch), cut from the same OpenAPI text: checked the same way. */
const MODEL_SPEC_FILE = 'openai-model-subset.json';

interface Parameter {
	name: string;
	in: 'query' | 'path' | 'header';
	required?: boolean;
	schema?: Schema;
}

type Schema = Record<string, unknown>;

interface Operation {
	parameters?: Array<Parameter | { $ref: string }>;
	requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
	responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Contract {
	ajv: Ajv2020;
	spec: {
		paths: Record<string, Record<string, Operation>>;
		components: Record<string, Record<string, unknown>>;
	};
	templates: Array<{ template: string; pattern: RegExp }>;
	validators: Map<string, ValidateFunction>;
}

let contract: Contract | undefined;

export function specPath(): string {
	const found = SPEC_PATH_CANDIDATES.find((path) => existsSync(path));
	if (!found)
		throw new Error(
			`OpenAPI subset not found; set OPENAI_SPEC_PATH (looked in ${SPEC_PATH_CANDIDATES.join(', ')})`,
		);
	return found;
}

/** The model subset beside the admin subset, when it is there. */
export function modelSpecPath(): string | undefined {
	const path = resolve(dirname(specPath()), MODEL_SPEC_FILE);
	return existsSync(path) ? path : undefined;
}

/** Every file of the contract: the admin subset, then the model subset (Responses, Files, Batch). */
export function contractSpecPaths(): string[] {
	const model = modelSpecPath();
	return model ? [specPath(), model] : [specPath()];
}

function loadContract(): Contract {
	if (contract) return contract;
	const spec = normalizeNullable(JSON.parse(readFileSync(specPath(), 'utf8'))) as Contract['spec'];
	const modelPath = modelSpecPath();
	if (modelPath) {
		// Both subsets come from one OpenAPI document: a component both hold is the same in each.
		const model = normalizeNullable(JSON.parse(readFileSync(modelPath, 'utf8'))) as Contract['spec'];
		spec.paths = { ...model.paths, ...spec.paths };
		for (const [kind, entries] of Object.entries(model.components)) spec.components[kind] = { ...entries, ...spec.components[kind] };
	}
	const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
	addFormats(ajv);
	// OpenAPI's own formats: ajv does not know them, and they carry no constraint worth checking here.
	for (const format of [
		'unixtime',
		'int64',
		'int32',
		'float',
		'double',
		'binary',
		'byte',
		'password',
	]) {
		ajv.addFormat(format, true);
	}
	ajv.addSchema({ ...spec, $id: SPEC_ID });
	const templates = Object.keys(spec.paths).map((template) => ({
		template,
		pattern: new RegExp(
			`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
		),
	}));
	contract = { ajv, spec, templates, validators: new Map() };
	return contract;
}

/** OpenAPI 3.0's `nullable: true` survives in this 3.1 document; JSON Schema 2020 needs `type: [T, "null"]`. */
function normalizeNullable(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(normalizeNullable);
	if (!node || typeof node !== 'object') return node;
	const copy: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(node)) copy[name] = normalizeNullable(value);
	if (copy.nullable === true) {
		delete copy.nullable;
		if (typeof copy.type === 'string') copy.type = [copy.type, 'null'];
		if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
	}
	return copy;
}

function validatorFor(schema: Schema): ValidateFunction {
	const { ajv, validators } = loadContract();
	const key = JSON.stringify(schema);
	let validate = validators.get(key);
	if (!validate) {
		validate = ajv.compile({ $id: `${SPEC_ID}/inline/${validators.size}`, ...rebase(schema) });
		validators.set(key, validate);
	}
	return validate;
}

/** Local refs (`#/components/...`) in an inline schema must point into the spec document. */
function rebase(schema: unknown): Schema {
	return JSON.parse(JSON.stringify(schema), (name, value) =>
		name === '$ref' && typeof value === 'string' && value.startsWith('#')
			? `${SPEC_ID}${value}`
			: value,
	);
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
	const lines = (errors ?? []).map((error) =>
		`${where}${error.instancePath || ''} ${error.message ?? 'is invalid'}`.trim(),
	);
	return [...new Set(lines)];
}

/** Accepts a template ('/organization/projects/{project_id}'), a concrete path, a path with /v1 or a full URL. */
function findOperation(
	method: string,
	pathTemplateOrPath: string,
): { operation?: Operation; template?: string } {
	const { spec, templates } = loadContract();
	const path = pathTemplateOrPath
		.replace(/^https?:\/\/[^/]+/, '')
		.split('?')[0]
		.replace(/^\/v1(?=\/)/, '');
	const template = spec.paths[path]
		? path
		: templates.find((candidate) => candidate.pattern.test(path))?.template;
	const operation = template ? spec.paths[template]?.[method.toLowerCase()] : undefined;
	return { operation, template };
}

function schemaOf(content: Record<string, { schema?: Schema }> | undefined): Schema | undefined {
	return content?.['application/json']?.schema;
}

export function validateResponse(
	method: string,
	pathTemplateOrPath: string,
	status: number,
	body: unknown,
): string[] {
	const { operation, template } = findOperation(method, pathTemplateOrPath);
	if (!operation) return [`${method.toUpperCase()} ${pathTemplateOrPath} is not in the contract`];
	const where = `${method.toUpperCase()} ${template} ${status}`;
	if (status >= 400) {
		return describe(
			errorsOf({ $ref: '#/components/schemas/ErrorResponse' }, body),
			`${where} body`,
		);
	}
	const response = operation.responses[String(status)] ?? operation.responses.default;
	if (!response) return [`${where}: status ${status} is not documented`];
	const schema = schemaOf(response.content);
	return schema ? describe(errorsOf(schema, body), `${where} body`) : [];
}

/** For answers to paths outside the contract (an unknown URL still answers OpenAI's error body). */
export function validateErrorBody(body: unknown): string[] {
	return describe(errorsOf({ $ref: '#/components/schemas/ErrorResponse' }, body), 'error body');
}

export function validateRequest(
	method: string,
	path: string,
	query: Record<string, string | string[] | undefined>,
	body: unknown,
): string[] {
	const { operation, template } = findOperation(method, path);
	if (!operation) return [`${method.toUpperCase()} ${path} is not in the contract`];
	const where = `${method.toUpperCase()} ${template}`;
	// Some operations name array parameters with their brackets (`project_ids[]`): the name is the same without them.
	const parameters = (operation.parameters ?? [])
		.map(resolveParameter)
		.filter((parameter) => parameter.in === 'query')
		.map((parameter) => ({ ...parameter, name: parameter.name.replace(/\[\]$/, '') }));
	const problems: string[] = [];

	const sent = new Map<string, string[]>();
	// An object parameter goes as `effective_at[gte]=1` (deepObject): its properties are gathered into one value.
	const objects = new Map<string, Record<string, string>>();
	for (const [rawName, value] of Object.entries(query)) {
		if (value === undefined) continue;
		const property = /^([^[\]]+)\[([^[\]]+)\]$/.exec(rawName);
		if (property) {
			objects.set(property[1], { ...objects.get(property[1]), [property[2]]: [value].flat().join(',') });
			continue;
		}
		const name = rawName.endsWith('[]') ? rawName.slice(0, -2) : rawName;
		sent.set(name, [...(sent.get(name) ?? []), ...[value].flat()]);
	}
	for (const [name, properties] of objects) {
		const parameter = parameters.find((candidate) => candidate.name === name);
		if (!parameter) {
			problems.push(`${where}: unknown query parameter '${name}'`);
			continue;
		}
		const schema = parameter.schema ?? {};
		const known = (schema.properties ?? {}) as Record<string, Schema>;
		const value = Object.fromEntries(
			Object.entries(properties).map(([key, text]) => [key, coerceScalar(text, known[key] ?? {})]),
		);
		// An object of named properties takes no others; a map (metadata[key]=value) takes any key its schema allows.
		const closed = schema.properties ? { ...schema, additionalProperties: false } : schema;
		problems.push(...describe(errorsOf(closed, value), `${where} query.${name}`));
	}
	for (const name of sent.keys()) {
		if (!parameters.some((parameter) => parameter.name === name))
			problems.push(`${where}: unknown query parameter '${name}'`);
	}
	for (const parameter of parameters) {
		const values = sent.get(parameter.name);
		if (objects.has(parameter.name)) continue;
		if (!values) {
			if (parameter.required)
				problems.push(`${where}: missing required query parameter '${parameter.name}'`);
			continue;
		}
		const value = coerceQueryValue(values, parameter.schema ?? {});
		problems.push(
			...describe(errorsOf(parameter.schema ?? {}, value), `${where} query.${parameter.name}`),
		);
	}

	const bodySchema = schemaOf(operation.requestBody?.content);
	if (body === undefined) {
		if (operation.requestBody?.required) problems.push(`${where}: the request body is required`);
	} else if (bodySchema) {
		problems.push(...describe(errorsOf(bodySchema, body), `${where} body`));
	}
	return problems;
}

function errorsOf(schema: Schema, value: unknown): ErrorObject[] | null | undefined {
	const validate = validatorFor(schema);
	return validate(value) ? [] : validate.errors;
}

function resolveParameter(parameter: Parameter | { $ref: string }): Parameter {
	if (!('$ref' in parameter)) return parameter;
	const name = parameter.$ref.split('/').pop() ?? '';
	return loadContract().spec.components.parameters?.[name] as Parameter;
}

/** Query strings carry text; turn it into what the parameter's schema describes before validating. */
function coerceQueryValue(values: string[], schema: Schema): unknown {
	const type = schema.type;
	if (type === 'array')
		return values.map((value) => coerceScalar(value, (schema.items as Schema | undefined) ?? {}));
	if (values.length > 1) return values;
	return coerceScalar(values[0], schema);
}

function coerceScalar(value: string, schema: Schema): unknown {
	if (schema.type === 'integer' || schema.type === 'number')
		return value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
	if (schema.type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
	return value;
}

/** Checks what a client sent, as recorded by the test server (server.requests or GET /__control/requests). */
export function validateRecordedRequests(
	requests: ReadonlyArray<{
		method: string;
		path: string;
		query: Record<string, string | string[]>;
		body?: unknown;
	}>,
): string[] {
	return requests.flatMap((request) =>
		validateRequest(request.method, request.path, request.query, request.body),
	);
}
