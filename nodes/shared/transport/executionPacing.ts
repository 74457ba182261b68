import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { Pacer, estimateRequestTokens, readRateLimitHeaders } from './pacing';

/** The pacers of one execution: one per organization and project for model calls, one per Admin API endpoint. */
class ExecutionPacing {
	private readonly pacers = new Map<string, Pacer>();

	pacerFor(scope: string): Pacer {
		let pacer = this.pacers.get(scope);
		if (!pacer) {
			pacer = new Pacer();
			this.pacers.set(scope, pacer);
		}
		return pacer;
	}
}

/**
 * Pacing belongs to one node execution: its items share what the limits allow, and nothing outlives it. n8n
 * hands every item of a run the same context object, so the pacers hang off that object; a WeakMap keeps no
 * context alive, so nothing is carried into the next execution (or to another worker in queue mode).
 */
const pacingOfExecution = new WeakMap<object, ExecutionPacing>();

/** Admin API limits count per endpoint: IDs in the path do not make another endpoint. */
export function pacingScope(method: string, path: string, organizationId: string, projectId: string): string {
	if (!path.startsWith('/organization/')) return `model ${organizationId} ${projectId}`;
	return `admin ${method} ${path.replace(/\/[a-z]+[-_][A-Za-z0-9]{6,}(?=\/|$)/g, '/{id}')}`;
}

export function pacerOf(execution: object, scope: string): Pacer {
	let pacing = pacingOfExecution.get(execution);
	if (!pacing) {
		pacing = new ExecutionPacing();
		pacingOfExecution.set(execution, pacing);
	}
	return pacing.pacerFor(scope);
}

/** Longest single sleep, so that a stopped execution is noticed within it. */
const SLEEP_SLICE_MS = 1_000;

/** Waits until the pacer lets a request with this body start; returns its start time. */
export async function waitForTurn(
	pacer: Pacer,
	body: IDataObject | undefined,
	cancelled: () => boolean,
): Promise<{ sentAt: number; tokens: number }> {
	const tokens = estimateRequestTokens(body);
	for (;;) {
		const waitMs = pacer.delayFor(tokens, Date.now());
		if (waitMs <= 0 || cancelled()) break;
		await sleep(Math.min(waitMs, SLEEP_SLICE_MS));
	}
	const sentAt = Date.now();
	pacer.started(tokens, sentAt);
	return { sentAt, tokens };
}

/** Tells the pacer how a request went: a 429 rate limit pauses it, any other answer feeds it the headers. */
export function reportAnswer(
	pacer: Pacer,
	sentAt: number,
	answer: { status: number; code?: string | null; headers: IDataObject; advisedWaitMs?: number },
): void {
	const reading = readRateLimitHeaders(answer.headers);
	if (answer.status === 429 && answer.code !== 'insufficient_quota') {
		pacer.refused(Date.now(), sentAt, reading, answer.advisedWaitMs);
	} else {
		pacer.answered(reading, sentAt);
	}
}
