import { NodeOperationError } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ScopeOverrides } from '../../../shared/transport';
import { memberLocator } from '../../../shared/resources/projectMembers';
import { FINE_TUNED_MODEL, modelPath, readModel, readModelId } from '../../helpers/modelLocator';
import { isFineTunedModel, isOwnedByOpenAi } from '../../helpers/models';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';

interface ModelTarget {
	id: string;
	scope: ScopeOverrides;
}

const ONLY_FINE_TUNED =
	'OpenAI deletes only fine-tuned models ("ft:…") that your organization trained; its own models cannot be deleted.';

/** DELETE /models/{model}: "Delete a fine-tuned model" (the contract); the key's user must be an organization Owner. */
export const { destructive, description, prepare } = destructiveOperation<ModelTarget>({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'models' },
	show: { resource: ['model'], operation: ['delete'] },
	fields: [
		memberLocator(FINE_TUNED_MODEL, 'The fine-tuned model to delete. Workflows and apps that call it stop working at once.'),
		...scopeFields,
	],
	target(itemIndex) {
		const id = readModelId.call(this, itemIndex);
		if (!isFineTunedModel(id)) {
			throw new NodeOperationError(this.getNode(), `"Model" ${id} is not a fine-tuned model, so it cannot be deleted`, {
				itemIndex,
				description: `${ONLY_FINE_TUNED} Nothing was sent to OpenAI.`,
			});
		}
		return { id, scope: readScope.call(this, itemIndex) };
	},
	async find({ id, scope }, { itemIndex, limits }) {
		return await readModel.call(this, id, { scope, itemIndex, limits });
	},
	refuse(found, { id }, { itemIndex }) {
		if (!isOwnedByOpenAi({ id, owned_by: String(found.owned_by ?? '') })) return;
		throw new NodeOperationError(this.getNode(), `The model ${id} is owned by OpenAI (${String(found.owned_by)}), so it cannot be deleted`, {
			itemIndex,
			description: `${ONLY_FINE_TUNED} Nothing was deleted.`,
		});
	},
	describe: (found, { id }) => `fine-tuned model ${id}${found.owned_by ? ` (owned by ${String(found.owned_by)})` : ''}`,
	item: (entry, { id }, extra) => ({ ...entry, id, ...extra }),
	async change({ id, scope }, _found, { itemIndex, limits }) {
		return await requestOne.call(this, 'DELETE', modelPath(id), `model ${id}`, { scope, itemIndex, limits });
	},
});
