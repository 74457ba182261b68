import type { Caller } from './auth';
import type { World } from './context';
import * as F from './fixtures';
import { findModel } from './models';
import type { FineTunedModelRecord } from './types';

const DAY = 86_400;

/** Fine-tuned models of the seeded organizations: they list, answer chats and may be deleted by their organization. */
export const FT_MODEL_ACME = 'ft:gpt-4o-mini-2024-07-18:acme-corp::AbC123xy';
export const FT_MODEL_ACME_SUPPORT = 'ft:gpt-4o-mini-2024-07-18:acme-corp:support-v1:Qw7Er9Ty';
export const FT_MODEL_GLOBEX = 'ft:gpt-4.1-mini-2025-04-14:globex::Zx9Lm2Np';

export function seedFineTunedModels(nowSeconds: number): FineTunedModelRecord[] {
	return [
		{ id: FT_MODEL_ACME, organizationId: F.ORG_ACME, created: nowSeconds - 40 * DAY },
		{ id: FT_MODEL_ACME_SUPPORT, organizationId: F.ORG_ACME, created: nowSeconds - 12 * DAY },
		{ id: FT_MODEL_GLOBEX, organizationId: F.ORG_GLOBEX, created: nowSeconds - 90 * DAY },
	];
}

export interface VisibleModel {
	id: string;
	object: 'model';
	created: number;
	owned_by: string;
	chat: boolean;
	fineTuned: boolean;
}

/** The fine-tuned models the caller's organization owns (another organization's are invisible, as on OpenAI). */
export function ownFineTunedModels(world: World, caller: Caller): FineTunedModelRecord[] {
	return (world.state.fineTunedModels ?? []).filter((model) => model.organizationId === caller.organizationId);
}

/** A model as the caller sees it: OpenAI's own, or a fine-tuned one of its organization; undefined otherwise. */
export function visibleModel(world: World, caller: Caller, id: string): VisibleModel | undefined {
	const base = findModel(id);
	if (base) return { id, object: 'model', created: base.created, owned_by: base.owned_by, chat: base.chat, fineTuned: false };
	const tuned = ownFineTunedModels(world, caller).find((model) => model.id === id);
	if (!tuned) return undefined;
	return { id, object: 'model', created: tuned.created, owned_by: tuned.organizationId, chat: true, fineTuned: true };
}

export function modelObject({ id, object, created, owned_by }: VisibleModel) {
	return { id, object, created, owned_by };
}
