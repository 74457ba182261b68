export interface ModelEntry {
	id: string;
	owned_by?: string;
}

const CHAT_MODEL = /^(gpt-|chatgpt-|o1|o3|o4)/;
// gpt-* also names models that cannot chat; they go with the rest rather than disappear.
const NOT_CHAT =
	/(embedding|whisper|tts|dall-e|transcribe|realtime|audio|image|search-api|moderation)/;

export function isChatModel(id: string): boolean {
	return CHAT_MODEL.test(id) && !NOT_CHAT.test(id);
}

/** Chat models first, each group sorted by name; filtered by the user's search text (case-insensitive). */
export function orderModelsForChat<T extends ModelEntry>(models: T[], filter?: string): T[] {
	const needle = (filter ?? '').trim().toLowerCase();
	const matching = models.filter((model) => !needle || model.id.toLowerCase().includes(needle));
	const byName = (a: T, b: T) => a.id.localeCompare(b.id);
	return [
		...matching.filter((model) => isChatModel(model.id)).sort(byName),
		...matching.filter((model) => !isChatModel(model.id)).sort(byName),
	];
}
