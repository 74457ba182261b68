import type { Logger, LogMetadata } from 'n8n-workflow';

type Level = 'error' | 'warn' | 'info' | 'debug';

/** A Logger that keeps every line it receives instead of printing it, so tests can read (and scan) them. */
export class RecordingLogger implements Logger {
	private lines: string[] = [];

	error(message: string, metadata?: LogMetadata) {
		this.record('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata) {
		this.record('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata) {
		this.record('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata) {
		this.record('debug', message, metadata);
	}

	/** n8n's services ask for scoped loggers; a scope changes nothing here. */
	scoped() {
		return this;
	}

	/** Returns the lines recorded since the last call and starts a fresh list. */
	takeLines(): string[] {
		const taken = this.lines;
		this.lines = [];
		return taken;
	}

	private record(level: Level, message: string, metadata?: LogMetadata) {
		const details = metadata === undefined ? '' : ` ${stringifyForLog(metadata)}`;
		this.lines.push(`${level}: ${message}${details}`);
	}
}

/** JSON of log metadata that survives the cycles and errors n8n puts in it. */
export function stringifyForLog(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, current: unknown) => {
			if (current instanceof Error) {
				return { ...current, name: current.name, message: current.message, stack: current.stack };
			}
			if (typeof current === 'object' && current !== null) {
				if (seen.has(current)) return '[circular]';
				seen.add(current);
			}
			if (typeof current === 'bigint') return current.toString();
			return current;
		});
	} catch {
		return String(value);
	}
}
