import type { Handler } from '../context';
import { MODELS } from '../models';

export const listModels: Handler = () => ({
	body: {
		object: 'list',
		data: MODELS.map(({ id, created, owned_by }) => ({ id, object: 'model', created, owned_by })),
	},
});
