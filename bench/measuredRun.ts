/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- bench code: spawns one measured Node process per run; never runs inside n8n */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { WorkerMessage, WorkerResult, WorkerTask } from './worker/protocol';

const REPOSITORY_ROOT = path.resolve(__dirname, '..');
const WORKER = path.join(__dirname, 'worker', 'main.ts');

/** One fresh Node process per measured run, so that no run's heap, JIT or sockets carry over into the next. */
export function measuredRun(task: WorkerTask): Promise<WorkerResult> {
	return new Promise((resolve, reject) => {
		const child = fork(WORKER, [], {
			cwd: REPOSITORY_ROOT,
			execArgv: ['--expose-gc', '-r', 'ts-node/register/transpile-only'],
			env: { ...process.env, TS_NODE_PROJECT: path.join(REPOSITORY_ROOT, 'test', 'tsconfig.json') },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		let answered = false;
		child.once('message', (message: WorkerMessage) => {
			answered = true;
			if ('result' in message) resolve(message.result);
			else reject(new Error(`${task.kind} failed in its worker:\n${message.error}`));
		});
		child.once('error', reject);
		child.once('exit', (code) => {
			if (!answered) reject(new Error(`${task.kind} worker exited with ${code} before answering`));
		});
		child.send(task);
	});
}
