export interface ModelInfo {
	id: string;
	created: number;
	owned_by: string;
	chat: boolean;
}

export const MODELS: readonly ModelInfo[] = [
	{ id: 'gpt-4o', created: 1715367049, owned_by: 'system', chat: true },
	{ id: 'gpt-4o-mini', created: 1721172741, owned_by: 'system', chat: true },
	{ id: 'gpt-4.1', created: 1744316542, owned_by: 'system', chat: true },
	{ id: 'gpt-4.1-mini', created: 1744318173, owned_by: 'system', chat: true },
	{ id: 'o3-mini', created: 1737146383, owned_by: 'system', chat: true },
	{ id: 'gpt-3.5-turbo', created: 1677610602, owned_by: 'openai', chat: true },
	{ id: 'text-embedding-3-small', created: 1705948997, owned_by: 'system', chat: false },
	{ id: 'text-embedding-3-large', created: 1705953180, owned_by: 'system', chat: false },
	{ id: 'dall-e-3', created: 1698785189, owned_by: 'system', chat: false },
	{ id: 'whisper-1', created: 1677532384, owned_by: 'openai-internal', chat: false },
	{ id: 'tts-1', created: 1681940951, owned_by: 'openai-internal', chat: false },
];

export function findModel(id: string): ModelInfo | undefined {
	return MODELS.find((model) => model.id === id);
}
