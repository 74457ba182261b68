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

interface SettingOperation {
	/** the operation's module, whose `description` holds its fields */
	operation: { description: INodeProperties[] };
	/** what it does, as the action list explains it */
	description: string;
}

/**
 * The Operation selector and the fields of a resource that is one setting of a project (its spend limit, its model
 * permissions…), keyed by operation value: each operation is named after its verb ('set' → "Set") with the action
 * "<Verb> the <setting> of a project". The selector lists them by name, starting on Get; the fields follow in the
 * order given.
 */
export function projectSettingProperties(
	resource: string,
	setting: string,
	operations: Record<string, SettingOperation>,
): INodeProperties[] {
	const verbs = Object.keys(operations);
	const options = verbs
		.map((verb): INodePropertyOptions => {
			const name = verb.charAt(0).toUpperCase() + verb.slice(1);
			return { name, value: verb, action: `${name} the ${setting} of a project`, description: operations[verb].description };
		})
		.sort((one, other) => one.name.localeCompare(other.name));
	return [operationProperty(resource, options, 'get'), ...verbs.flatMap((verb) => operations[verb].operation.description)];
}

/**
 * An operation on one thing, named after its verb, with the action "<Verb> a <thing>":
 * operationOn('spend alert', 'delete', …) is "Delete", "Delete a spend alert".
 */
export function operationOn(thing: string, verb: string, description: string): INodePropertyOptions {
	const name = verb.charAt(0).toUpperCase() + verb.slice(1);
	return { name, value: verb, action: `${name} ${/^[aeio]/i.test(thing) ? 'an' : 'a'} ${thing}`, description };
}
