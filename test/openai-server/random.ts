const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export type Random = () => number;

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function createRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** FNV-1a, so that figures derived from (seed, project, day) need no stored table. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

export function randomFromKey(...parts: Array<string | number>): Random {
	return createRandom(hashString(parts.join('|')));
}

export function randomInt(random: Random, min: number, max: number): number {
	return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: Random, items: readonly T[]): T {
	return items[Math.floor(random() * items.length)];
}

export function randomAlphanumeric(random: Random, length: number): string {
	let text = '';
	for (let i = 0; i < length; i++) text += ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)];
	return text;
}

export function randomHex(random: Random, length: number): string {
	let text = '';
	for (let i = 0; i < length; i++) text += Math.floor(random() * 16).toString(16);
	return text;
}
