import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// The node's "Resource" selector and each resource's "Operation" selector. Their option texts also make the
// subtitle and n8n's action list (see subtitle.ts), so each option carries an `action`.

/** "Resource": which kind of thing the node works on. */
export function resourceProperty(options: INodePropertyOptions[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultResource,
	};
}

/** "Operation" of one resource: shown when that resource is chosen. */
export function operationProperty(
	resource: string,
	options: INodePropertyOptions[],
	defaultOperation = 'getAll',
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** The "Get Many" operation option (value getAll): `action` as the action list shows it. */
export function getManyOperation(action: string, description: string): INodePropertyOptions {
	return { name: 'Get Many', value: 'getAll', action, description };
}
