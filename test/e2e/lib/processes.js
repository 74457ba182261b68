'use strict';
/**
 * Every process the suite or the demo starts goes through here, so that one call stops them all:
 * on success, on failure and on Ctrl-C. Children run in their own process group, so a kill reaches
 * grandchildren too (npx, n8n's task runners, Chromium's helpers).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const running = new Set();

function stopProcessGroup(child, signal = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/** Starts a long-running process (server, n8n start, Chromium). Output is kept for diagnosis. */
function startProcess(command, args, options = {}) {
	const { stdoutFd, ...spawnOptions } = options;
	const child = spawn(command, args, { ...spawnOptions, detached: true, stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'] });
	running.add(child);
	child.output = '';
	const keep = (chunk) => {
		child.output = (child.output + chunk.toString()).slice(-200_000);
	};
	child.stdout?.on('data', keep);
	child.stderr.on('data', keep);
	child.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	child.exited.then(() => running.delete(child));
	return child;
}

/** Resolves when `pattern` shows up in the output, rejects when the process exits first or time runs out. */
function waitForOutput(child, pattern, timeoutMs) {
	return new Promise((resolve, reject) => {
		const look = () => {
			const match = pattern.exec(child.output);
			if (match) finish(null, match);
		};
		const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${pattern}`)), timeoutMs);
		const onExit = () => finish(new Error(`exited before printing ${pattern}:\n${child.output.slice(-2000)}`));
		const finish = (error, match) => {
			clearTimeout(timer);
			child.stdout.off('data', look);
			child.stderr.off('data', look);
			child.off('exit', onExit);
			if (error) reject(error);
			else resolve(match);
		};
		child.stdout.on('data', look);
		child.stderr.on('data', look);
		child.once('exit', onExit);
		look();
	});
}

/** Runs a command to its end; never rejects on a non-zero exit, which callers often expect. */
/**
 * Runs a command to its end. `showProgress`: its stderr also goes to ours as it comes (long installs say what they
 * are doing). Its stdout goes to a file, not a pipe: a program that prints a large result and then
 * calls process.exit (as `n8n execute --rawOutput` does) loses the tail of what it wrote to a pipe nobody has read
 * yet, which happened on a busy machine; writes to a file are complete when the process ends.
 */
async function runCommand(command, args, options = {}) {
	const { timeoutMs = 120_000, showProgress = false, ...spawnOptions } = options;
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-run-'));
	const file = path.join(folder, 'stdout');
	const stdoutFd = fs.openSync(file, 'w');
	try {
		const child = startProcess(command, args, { ...spawnOptions, stdoutFd });
		let stderr = '';
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			if (showProgress) process.stderr.write(chunk);
		});
		const timer = setTimeout(() => stopProcessGroup(child, 'SIGKILL'), timeoutMs);
		const { code, signal } = await child.exited;
		clearTimeout(timer);
		const stdout = fs.readFileSync(file, 'utf8');
		return { code: code ?? (signal ? 128 : 1), signal, stdout, stderr };
	} finally {
		fs.closeSync(stdoutFd);
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

async function stopProcess(child, graceMs = 5000) {
	stopProcessGroup(child, 'SIGTERM');
	const timer = setTimeout(() => stopProcessGroup(child, 'SIGKILL'), graceMs);
	await child.exited;
	clearTimeout(timer);
}

async function stopAllProcesses() {
	await Promise.all([...running].map((child) => stopProcess(child)));
}

let stopSignal;

/** The signal (Ctrl-C, kill) that is stopping everything, if one is: a child that ends then was stopped by us. */
function stopRequested() {
	return stopSignal;
}

/** Ctrl-C, kill and crashes still stop every child before this process ends; `afterStop` then cleans up. */
function stopAllOnExit(afterStop) {
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.once(signal, () => {
			stopSignal = signal;
			stopAllProcesses()
				.then(() => afterStop?.(signal))
				.finally(() => process.exit(130));
		});
	}
	process.once('exit', () => {
		for (const child of running) stopProcessGroup(child, 'SIGKILL');
	});
}

module.exports = { startProcess, waitForOutput, runCommand, stopProcess, stopAllProcesses, stopAllOnExit, stopRequested };
