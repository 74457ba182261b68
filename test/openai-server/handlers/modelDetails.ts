import type { Handler } from '../context';
import * as E from '../errors';
import { modelObject, visibleModel } from '../fineTunedModels';

/** GET /models/{model}: OpenAI's own models and the caller's organization's fine-tuned ones; anything else 404s. */
export const retrieveModel: Handler = ({ world, caller, params }) => {
	const model = visibleModel(world, caller, params.model);
	if (!model) throw E.modelNotFound(params.model);
	return { body: modelObject(model) };
};

/**
 * DELETE /models/{model}: "Delete a fine-tuned model" (the contract). Only a fine-tuned model of the caller's
 * organization goes; OpenAI's own models answer 403 (ours: OpenAI's words are not on record).
 */
export const deleteModel: Handler = ({ world, caller, params }) => {
	const model = visibleModel(world, caller, params.model);
	if (!model) throw E.modelNotFound(params.model);
	if (!model.fineTuned) {
		throw new E.OpenAiError(
			403,
			`The model '${model.id}' is not a fine-tuned model of this organization and cannot be deleted.`,
			'invalid_request_error',
			'model_not_deletable',
			'model',
		);
	}
	world.state.fineTunedModels = world.state.fineTunedModels.filter((entry) => entry.id !== model.id);
	return { body: { id: model.id, object: 'model', deleted: true } };
};
