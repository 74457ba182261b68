/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { readFileSync } from 'node:fs';
import type { SeedProject, TestServerOptions } from './types';

/**
 * Parses `--port 8787 --projects 500|file.json [--latency 20|10-50] [--seed 42] [--admin-rate-limit 10]
 * [--costs-days 30] [--host 127.0.0.1]`. Throws with a usage line on anything else.
 */
export function parseCliOptions(argv: readonly string[]): TestServerOptions {
	const options: TestServerOptions = { port: 8787 };
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
			case '--costs-days':
				options.costsDays = integer(flag, value);
				break;
			default:
				throw new Error(`Unknown option ${flag}. ${USAGE}`);
		}
	}
	return options;
}

export const USAGE =
	'Usage: cli.ts [--port 8787] [--host 127.0.0.1] [--projects 500|projects.json] [--latency 20|10-50] [--seed 42] [--admin-rate-limit 10] [--costs-days 30]';

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
