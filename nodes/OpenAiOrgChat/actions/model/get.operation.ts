import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import { memberLocator } from '../../../shared/resources/projectMembers';
import { ANY_MODEL, readModel, readModelId } from '../../helpers/modelLocator';
import { readScope, scopeFields } from '../../helpers/scope';

export const description = updateDisplayOptions({ show: { resource: ['model'], operation: ['get'] } }, [
	memberLocator(ANY_MODEL, 'The model to describe: its owner, creation date and shutdown date if announced'),
	...scopeFields,
]);

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const id = readModelId.call(this, itemIndex);
	const scope = readScope.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => [await readModel.call(this, id, { scope, itemIndex, limits })] };
}
