const WINDOW_MS = 60_000;

/** A sliding one-minute window of accepted requests per key fingerprint. */
export class PerKeyWindow {
	private readonly timestamps = new Map<string, number[]>();

	/** Requests of this key still inside the window at `nowMs`. */
	recent(keyFingerprint: string, nowMs: number): number[] {
		const kept = (this.timestamps.get(keyFingerprint) ?? []).filter(
			(time) => time > nowMs - WINDOW_MS,
		);
		this.timestamps.set(keyFingerprint, kept);
		return kept;
	}

	record(keyFingerprint: string, nowMs: number): void {
		this.recent(keyFingerprint, nowMs).push(nowMs);
	}

	/** Milliseconds until the oldest request leaves the window. */
	msUntilSlotFrees(keyFingerprint: string, nowMs: number): number {
		const [oldest] = this.recent(keyFingerprint, nowMs);
		return oldest === undefined ? 0 : oldest + WINDOW_MS - nowMs;
	}

	clear(): void {
		this.timestamps.clear();
	}
}
