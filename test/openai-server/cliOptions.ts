/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL_LIMITS } from './rateLimits';
import type { SeedProject, TestServerOptions } from './types';

/**
 * Parses `--port 8787 --projects 500|file.json [--latency 20|10-50] [--seed 42] [--rate-limit 500/150000]
 * [--rate-window-ms 60000] [--admin-rate-limit 10] [--admin-rate-window-ms 6000] [--costs-days 30]
 * [--host 127.0.0.1] [--service-account "Deploy bot"]`. Throws with a usage line on anything else.
 */
export function parseCliOptions(argv: readonly string[]): TestServerOptions {
	const options: TestServerOptions & { adminRateLimitWindowMs?: number } = { port: 8787 };
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (value === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
		switch (flag) {
			case '--port':
				options.port = integer(flag, value);
				break;
			case '--host':
				options.host = value;
				break;
			case '--projects':
				options.projects = /^\d+$/.test(value) ? Number(value) : readSeedFile(value);
				break;
			case '--latency':
				options.latencyMs = latency(value);
				break;
			case '--seed':
				options.seed = integer(flag, value);
				break;
			case '--admin-rate-limit':
				options.adminRateLimitPerMinute = integer(flag, value);
				break;
			case '--rate-limit':
				options.rateLimits = { ...options.rateLimits, model: { ...options.rateLimits?.model, ...modelLimits(value) } };
				break;
			case '--rate-window-ms':
				options.rateLimits = {
					...options.rateLimits,
					model: { ...(options.rateLimits?.model ?? DEFAULT_MODEL_LIMITS), windowMs: integer(flag, value) },
				};
				break;
			case '--admin-rate-window-ms':
				options.adminRateLimitWindowMs = integer(flag, value);
				break;
			case '--service-account':
				options.serviceAccount = value;
				break;
			case '--costs-days':
				options.costsDays = integer(flag, value);
				break;
			default:
				throw new Error(`Unknown option ${flag}. ${USAGE}`);
		}
	}
	if (options.adminRateLimitWindowMs !== undefined) {
		if (!options.adminRateLimitPerMinute) throw new Error(`--admin-rate-window-ms needs --admin-rate-limit. ${USAGE}`);
		options.rateLimits = {
			...options.rateLimits,
			admin: { requestsPerMinute: options.adminRateLimitPerMinute, windowMs: options.adminRateLimitWindowMs },
		};
		delete options.adminRateLimitWindowMs;
	}
	return options;
}

export const USAGE =
	'Usage: cli.ts [--port 8787] [--host 127.0.0.1] [--projects 500|projects.json] [--latency 20|10-50] [--seed 42] [--rate-limit 500/150000] [--rate-window-ms 60000] [--admin-rate-limit 10] [--admin-rate-window-ms 60000] [--costs-days 30] [--service-account "Deploy bot"]';

/** `500/150000`: requests and tokens per window. */
function modelLimits(value: string) {
	const match = /^(\d+)\/(\d+)$/.exec(value);
	if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
		throw new Error(`--rate-limit expects requests/tokens per minute such as 500/150000, got '${value}'.`);
	}
	return { requestsPerMinute: Number(match[1]), tokensPerMinute: Number(match[2]) };
}

function integer(flag: string, value: string): number {
	if (!/^\d+$/.test(value)) throw new Error(`${flag} expects a whole number, got '${value}'.`);
	return Number(value);
}

function latency(value: string): number | [number, number] {
	const range = /^(\d+)-(\d+)$/.exec(value);
	return range ? [Number(range[1]), Number(range[2])] : integer('--latency', value);
}

function readSeedFile(path: string): SeedProject[] {
	const projects: unknown = JSON.parse(readFileSync(path, 'utf8'));
	if (!Array.isArray(projects))
		throw new Error(`--projects ${path} must hold a JSON array of projects.`);
	return projects as SeedProject[];
}
