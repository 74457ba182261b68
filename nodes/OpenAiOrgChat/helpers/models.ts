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
	return modelsWhere(models, (model) => isChatModel(model.id), filter);
}

/** The models `keep` keeps, whose ID holds the search text (case-insensitive), sorted by ID. */
function modelsWhere<T extends ModelEntry>(models: T[], keep: (model: T) => boolean, filter?: string): T[] {
	const needle = (filter ?? '').trim().toLowerCase();
	return models
		.filter((model) => keep(model) && (!needle || model.id.toLowerCase().includes(needle)))
		.sort((a, b) => a.id.localeCompare(b.id));
}

/** OpenAI's own models are owned by one of these; a fine-tuned model by the organization that trained it. */
const OPENAI_OWNERS = ['system', 'openai', 'openai-internal'];

/** A fine-tuned model ID ("ft:gpt-4o-mini:acme::abc123"): the only kind OpenAI lets an organization delete. */
export function isFineTunedModel(id: string): boolean {
	return id.startsWith('ft:');
}

export function isOwnedByOpenAi(model: ModelEntry): boolean {
	return OPENAI_OWNERS.includes(model.owned_by ?? '');
}

/** The fine-tuned models only, sorted and filtered like chatModelsFor. */
export function fineTunedModelsFor<T extends ModelEntry>(models: T[], filter?: string): T[] {
	return modelsWhere(models, (model) => isFineTunedModel(model.id) && !isOwnedByOpenAi(model), filter);
}
