/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { contractSpecPaths } from './openapi';

/**
 * Contract coverage: which operations of OpenAI's contract (a method and a path template of the admin subset and
 * of the model subset: Responses, Files, Batch) the test suite really sends to the test server. The server appends one line per answered request to a file in
 * CONTRACT_COVERAGE_DIR (set by jest's global setup, so every worker writes into one folder); the global teardown
 * sums them up. An operation counts as exercised when the server's own handler answered it with a 2xx at least once:
 * a request that only ever met an injected fault or an error answer did not run the success path.
 */
export const CONTRACT_COVERAGE_DIR_VARIABLE = 'OPENAI_ORG_CONTRACT_COVERAGE_DIR';

export interface ContractOperation {
	method: string;
	template: string;
}

export interface ContractCoverage {
	operations: number;
	/** the contract's paths, and those of them whose every method was exercised */
	paths: number;
	pathsComplete: number;
	exercised: string[];
	onlyErrors: string[];
	missing: string[];
	/** Requests under /v1 that match no operation of the contract (a route the server has and OpenAI does not). */
	outsideContract: string[];
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export const operationName = ({ method, template }: ContractOperation) => `${method} ${template}`;

/** Every (method, path template) of the contract, in the order of its files (admin, then model subset) and specs. */
export function contractOperations(files = contractSpecPaths()): ContractOperation[] {
	const seen = new Set<string>();
	return files.flatMap((file) => {
		const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
		return Object.entries(spec.paths).flatMap(([template, methods]) =>
			Object.keys(methods)
				.filter((method) => HTTP_METHODS.has(method))
				.map((method) => ({ method: method.toUpperCase(), template }))
				// Both subsets are cut from one document: an operation in both counts once.
				.filter((operation) => {
					const name = operationName(operation);
					if (seen.has(name)) return false;
					seen.add(name);
					return true;
				}),
		);
	});
}

/**
 * The operation a concrete request belongs to. Where several templates match ('/organization/projects/{id}' and
 * '/organization/projects/api_keys' both match '/organization/projects/api_keys'), the one with fewer parameters
 * wins: a literal segment says more than a placeholder.
 */
export function operationFor(
	operations: ContractOperation[],
	method: string,
	requestPath: string,
): ContractOperation | undefined {
	const bare = requestPath.split('?')[0].replace(/^\/v1(?=\/)/, '');
	const placeholders = (template: string) => (template.match(/\{[^}]+\}/g) ?? []).length;
	return operations
		.filter((operation) => operation.method === method.toUpperCase() && templatePattern(operation.template).test(bare))
		.sort((a, b) => placeholders(a.template) - placeholders(b.template))[0];
}

function templatePattern(template: string): RegExp {
	return new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
}

/** Called by the test server for every answered request; writes nothing unless the suite asked for coverage. */
export function recordContractRequest(method: string, requestPath: string, status: number): void {
	const folder = process.env[CONTRACT_COVERAGE_DIR_VARIABLE];
	if (!folder || !requestPath.startsWith('/v1/')) return;
	appendFileSync(path.join(folder, `${process.pid}.txt`), `${method} ${requestPath} ${status}\n`);
}

/** Sums up recorded lines ("METHOD /v1/path STATUS") against the contract. */
export function summarizeCoverage(lines: string[], operations = contractOperations()): ContractCoverage {
	const succeeded = new Set<string>();
	const answered = new Set<string>();
	const outside = new Set<string>();
	for (const line of lines) {
		const [method, requestPath, status] = line.trim().split(' ');
		if (!method || !requestPath) continue;
		const operation = operationFor(operations, method, requestPath);
		if (!operation) {
			outside.add(`${method} ${requestPath.replace(/\/(proj|user|svc_acct|key|invite|org)[-_][A-Za-z0-9_-]+/g, '/{id}')}`);
			continue;
		}
		answered.add(operationName(operation));
		if (/^2\d\d$/.test(status ?? '')) succeeded.add(operationName(operation));
	}
	const names = operations.map(operationName);
	const templates = [...new Set(operations.map((operation) => operation.template))];
	const complete = templates.filter((template) =>
		operations.every((operation) => operation.template !== template || succeeded.has(operationName(operation))),
	);
	return {
		operations: names.length,
		paths: templates.length,
		pathsComplete: complete.length,
		exercised: names.filter((name) => succeeded.has(name)),
		onlyErrors: names.filter((name) => answered.has(name) && !succeeded.has(name)),
		missing: names.filter((name) => !succeeded.has(name)),
		outsideContract: [...outside].sort(),
	};
}

export function coverageHeadline(coverage: ContractCoverage): string {
	return (
		`${coverage.exercised.length} of ${coverage.operations} operations in the contract are exercised by tests; ` +
		`${coverage.pathsComplete} of ${coverage.paths} paths with every method`
	);
}

/** Where the last full run of the suite leaves its coverage, for `npm run test:contract-coverage`. */
export const COVERAGE_REPORT_FILE = path.resolve(__dirname, '../../coverage/contract-coverage.json');
