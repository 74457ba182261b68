import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { orderFilter } from '../../helpers/listOrder';
import { prepareScopedList, scopeFields } from '../../helpers/scope';
import { readResponseId, responseIdField, responsePath } from '../../helpers/storedResponse';

export const description = updateDisplayOptions({ show: { resource: ['response'], operation: ['getInputItems'] } }, [
	{ ...responseIdField, description: 'The stored response whose input to list: the messages it was sent' },
	...scopeFields,
	...getManyProperties([orderFilter]),
]);

/** The text of a message's parts (input_text or output_text), for reading the item without its content array. */
function textOf(entry: IDataObject): string | undefined {
	if (!Array.isArray(entry.content)) return undefined;
	return (entry.content as IDataObject[]).map((part) => (typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * GET /responses/{id}/input_items: the input a stored response was sent, one output item per input item, paged by
 * `after` as every list of the node. OpenAI lists newest first unless asked otherwise; the filter names the order.
 */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const id = readResponseId.call(this, itemIndex);
	const { order } = this.getNodeParameter('filters', itemIndex, {}) as { order?: string };
	return prepareScopedList.call(this, itemIndex, {
		path: `${responsePath(id)}/input_items`,
		things: 'input item',
		qs: order ? { order } : {},
		subject: `response ${id}`,
		toItem: (entry) => {
			const text = textOf(entry);
			return { ...entry, ...(text === undefined ? {} : { text }), responseId: id };
		},
	});
}
