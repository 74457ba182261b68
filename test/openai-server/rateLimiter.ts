/** A sliding window of weighted entries (requests count 1, tokens their cost) per bucket key. */
export class SlidingWindow {
	private readonly entries = new Map<string, Array<{ at: number; amount: number }>>();

	constructor(readonly windowMs: number) {}

	/** The entries of this bucket still inside the window at `nowMs`, oldest first. */
	private recent(bucket: string, nowMs: number) {
		const kept = (this.entries.get(bucket) ?? []).filter((entry) => entry.at > nowMs - this.windowMs);
		this.entries.set(bucket, kept);
		return kept;
	}

	used(bucket: string, nowMs: number): number {
		return this.recent(bucket, nowMs).reduce((sum, entry) => sum + entry.amount, 0);
	}

	record(bucket: string, nowMs: number, amount = 1): void {
		if (amount > 0) this.recent(bucket, nowMs).push({ at: nowMs, amount });
	}

	/** Milliseconds until `amount` more fits under `limit` (0 when it fits now). */
	msUntilFits(bucket: string, nowMs: number, amount: number, limit: number): number {
		let used = this.used(bucket, nowMs);
		if (used + amount <= limit) return 0;
		for (const entry of this.recent(bucket, nowMs)) {
			used -= entry.amount;
			if (used + amount <= limit) return entry.at + this.windowMs - nowMs;
		}
		return this.windowMs;
	}

	clear(): void {
		this.entries.clear();
	}
}

/**
 * A duration as OpenAI writes it in x-ratelimit-reset-* and "Please try again in …" (Go's notation):
 * 644ms, 1s, 1.5s, 6m0s, 1h2m3s.
 */
export function formatDuration(ms: number): string {
	const rounded = Math.max(0, Math.ceil(ms));
	if (rounded < 1000) return `${rounded}ms`;
	const hours = Math.floor(rounded / 3_600_000);
	const minutes = Math.floor((rounded % 3_600_000) / 60_000);
	const seconds = (rounded % 60_000) / 1000;
	const secondsText = `${Number(seconds.toFixed(3))}s`;
	if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
	if (minutes > 0) return `${minutes}m${secondsText}`;
	return secondsText;
}
