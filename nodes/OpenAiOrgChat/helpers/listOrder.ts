import type { INodeProperties } from 'n8n-workflow';

import { choiceProperty } from '../../shared/parameters/choices';

/** The "Order" filter of this node's lists (stored chat completions, a response's input items): OpenAI's `order`. */
export const orderFilter: INodeProperties = choiceProperty({ displayName: 'Order', name: 'order', default: 'asc' }, [
	{ name: 'Oldest First', value: 'asc' },
	{ name: 'Newest First', value: 'desc' },
]);
