import type { Handler } from '../context';
import { ownFineTunedModels } from '../fineTunedModels';
import { MODELS } from '../models';

export const listModels: Handler = ({ world, caller }) => ({
	body: {
		object: 'list',
		data: [
			...MODELS.map(({ id, created, owned_by }) => ({ id, object: 'model', created, owned_by })),
			...ownFineTunedModels(world, caller).map(({ id, created, organizationId }) => ({
				id,
				object: 'model',
				created,
				owned_by: organizationId,
			})),
		],
	},
});
