export interface ModelEntry {
	id: string;
	owned_by?: string;
}

const CHAT_MODEL = /^(gpt-|chatgpt-|o1|o3|o4)/;
// gpt-* also names models that cannot chat (images, speech, embeddings, realtime audio).
const NOT_CHAT =
	/(embedding|whisper|tts|dall-e|transcribe|realtime|audio|image|search-api|moderation)/;

/** A model that answers chat completions; a fine-tuned model ("ft:gpt-4o-mini:…") counts as its base model. */
export function isChatModel(id: string): boolean {
	const base = id.startsWith('ft:') ? id.slice(3) : id;
	return CHAT_MODEL.test(base) && !NOT_CHAT.test(base);
}

/**
 * The chat models only, sorted by name and filtered by the user's search text (case-insensitive). Image, speech,
 * embedding and moderation models cannot answer a chat, so the picker does not offer them; an ID can still be
 * typed by hand.
 */
export function chatModelsFor<T extends ModelEntry>(models: T[], filter?: string): T[] {
	const needle = (filter ?? '').trim().toLowerCase();
	return models
		.filter((model) => isChatModel(model.id))
		.filter((model) => !needle || model.id.toLowerCase().includes(needle))
		.sort((a, b) => a.id.localeCompare(b.id));
}
