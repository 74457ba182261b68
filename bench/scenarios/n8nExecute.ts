/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- bench code: runs the real n8n CLI from plain Node, never inside n8n */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const POLL_MS = 100;

interface ParsedExecution {
	exitCode: number;
	status?: string;
	run?: { startedAt?: string; stoppedAt?: string };
	error?: { message?: string };
	itemsOf: (nodeName: string) => unknown[];
}

interface N8nHelpers {
	parseExecution: (output: { code: number; stdout: string; stderr: string }) => ParsedExecution;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseExecution } = require('../../test/e2e/lib/n8n.js') as N8nHelpers;

export interface N8nExecution {
	parsed: ParsedExecution;
	/** The execution itself, as n8n recorded it (startedAt → stoppedAt): no CLI start-up. */
	executionMs: number;
	/** The whole `n8n execute` process, start-up included. */
	processMs: number;
	/** VmHWM of the n8n process: its peak resident memory (task runners, if any, are other processes). */
	peakRssBytes: number;
}

function highWaterMarkBytes(pid: number): number | undefined {
	try {
		const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

/** `n8n execute --id --rawOutput`, with its peak RSS polled from /proc while it runs. */
export async function executeInN8n(
	binary: string,
	workflowId: string,
	options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<N8nExecution> {
	const started = Date.now();
	const child = spawn(binary, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let peakRssBytes = 0;
	const poll = setInterval(() => {
		peakRssBytes = Math.max(peakRssBytes, highWaterMarkBytes(child.pid ?? -1) ?? 0);
	}, POLL_MS);
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
	child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
	const code = await new Promise<number>((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (exitCode) => resolve(exitCode ?? 1));
	});
	clearInterval(poll);
	const processMs = Date.now() - started;
	const parsed = parseExecution({
		code,
		stdout: Buffer.concat(stdout).toString('utf8'),
		stderr: Buffer.concat(stderr).toString('utf8'),
	});
	const startedAt = Date.parse(parsed.run?.startedAt ?? '');
	const stoppedAt = Date.parse(parsed.run?.stoppedAt ?? '');
	return { parsed, executionMs: stoppedAt - startedAt, processMs, peakRssBytes };
}
