/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Container, LoggerToken } from './core-runtime';
import { RecordingLogger } from './recording-logger';

// Runs on import, before anything loads n8n-core: its config classes read the environment when first built.
// n8n writes its settings and binary data under the user folder, so it must never be the developer's ~/.n8n.
const userFolder = mkdtempSync(path.join(tmpdir(), 'openai-org-harness-'));
process.env.N8N_USER_FOLDER = userFolder;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_ENCRYPTION_KEY ??= 'openai-org-harness-encryption-key';
removeWhenDone(userFolder);

/** After the test file under jest (its exit events do not reach here), else when the process exits. */
function removeWhenDone(folder: string) {
	const remove = () => rmSync(folder, { recursive: true, force: true });
	try {
		afterAll(remove);
	} catch {
		process.on('exit', remove);
	}
}

let logger: RecordingLogger | undefined;

/**
 * Registers, once per process, the services n8n-core expects its host (the n8n CLI) to provide: a Logger that
 * records instead of printing, an error reporter that reports into that Logger, and idle stand-ins for the
 * services that would start timers.
 */
export function prepareEngineEnvironment(): RecordingLogger {
	if (logger) return logger;

	const recordingLogger = new RecordingLogger();
	Container.set(LoggerToken, recordingLogger);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ErrorReporter } = require('n8n-core') as typeof import('n8n-core');
	Container.set(ErrorReporter, {
		error: (error: unknown) => recordingLogger.error(`ErrorReporter: ${messageOf(error)}`),
		warn: (error: unknown) => recordingLogger.warn(`ErrorReporter: ${messageOf(error)}`),
		info: (message: string) => recordingLogger.info(`ErrorReporter: ${message}`),
	});
	registerIdleStandIns(recordingLogger);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { LoggerProxy } = require('n8n-workflow') as typeof import('n8n-workflow');
	LoggerProxy.init(recordingLogger);

	logger = recordingLogger;
	return recordingLogger;
}

/**
 * n8n-core's SSH client pool and cron manager start timers when first built (every node context asks for them),
 * which would keep the test process alive: the harness registers idle stand-ins that start nothing.
 */
function registerIdleStandIns(recordingLogger: RecordingLogger) {
	/* eslint-disable @typescript-eslint/no-require-imports */
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as {
		SSHClientsManager: unknown;
	};
	const { ScheduledTaskManager } =
		require('n8n-core/dist/execution-engine/scheduled-task-manager') as {
			ScheduledTaskManager: unknown;
		};
	/* eslint-enable @typescript-eslint/no-require-imports */
	const unsupported = (feature: string) => () => {
		throw new Error(`The harness does not support ${feature}.`);
	};
	Container.set(SSHClientsManager, {
		getClient: unsupported('SSH tunnels'),
		updateLastUsed: () => {},
	});
	Container.set(ScheduledTaskManager, {
		registerCron: () => recordingLogger.debug('Harness: cron registration ignored'),
		deregisterCrons: () => {},
		deregisterAllCrons: () => {},
	});
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
