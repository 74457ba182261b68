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

interface TableOperation {
	/** the operation's module, whose `description` holds its fields */
	operation: { description: INodeProperties[] };
	/** what it does, as the action list explains it */
	description: string;
	/** the option's name and action where they are not the table's usual ones */
	name?: string;
	action?: string;
}

type OperationTable = Record<string, TableOperation>;

/** The selector (options listed by name, as n8n's lint asks of a written list) and the fields in the table's order. */
function selectorAndFields(
	resource: string,
	defaultOperation: string,
	operations: OperationTable,
	usual: (value: string) => { name: string; action: string },
): INodeProperties[] {
	const values = Object.keys(operations);
	const options = values
		.map((value): INodePropertyOptions => {
			const { name = usual(value).name, action = usual(value).action, description } = operations[value];
			return { name, value, action, description };
		})
		.sort((one, other) => one.name.localeCompare(other.name));
	return [operationProperty(resource, options, defaultOperation), ...values.flatMap((value) => operations[value].operation.description)];
}

const verbName = (verb: string) => verb.charAt(0).toUpperCase() + verb.slice(1);

/**
 * The Operation selector and the fields of a resource that is one setting of a project (its spend limit, its model
 * permissions…), keyed by operation value: each operation is named after its verb ('set' → "Set") with the action
 * "<Verb> the <setting> of a project". The selector lists them by name, starting on Get; the fields follow in the
 * order given.
 */
export function projectSettingProperties(resource: string, setting: string, operations: OperationTable): INodeProperties[] {
	return selectorAndFields(resource, 'get', operations, (verb) => ({
		name: verbName(verb),
		action: `${verbName(verb)} the ${setting} of a project`,
	}));
}

const MEMBERSHIP_NAMES: Record<string, string> = { add: 'Add', get: 'Get', getAll: 'Get Many', remove: 'Remove' };

/**
 * The Operation selector and the fields of a membership resource (a user in a group, a group in a project), keyed by
 * operation value: add, get, getAll and remove read "Add a <member> to a <container>", "Get a <member> of a
 * <container>", "Get many <member>s of a <container>", "Remove a <member> from a <container>"; another operation
 * (or another wording) gives its own name and action. The selector lists them by name, starting on Get Many; the
 * fields follow in the order given.
 */
export function membershipProperties(
	resource: string,
	member: string,
	container: string,
	operations: OperationTable,
): INodeProperties[] {
	const actions: Record<string, string> = {
		add: `Add a ${member} to a ${container}`,
		get: `Get a ${member} of a ${container}`,
		getAll: `Get many ${member}s of a ${container}`,
		remove: `Remove a ${member} from a ${container}`,
	};
	return selectorAndFields(resource, 'getAll', operations, (value) => ({
		name: MEMBERSHIP_NAMES[value] ?? verbName(value),
		action: actions[value] ?? `${verbName(value)} a ${member} of a ${container}`,
	}));
}

/**
 * An operation on one thing, named after its verb, with the action "<Verb> a <thing>":
 * operationOn('spend alert', 'delete', …) is "Delete", "Delete a spend alert".
 */
export function operationOn(thing: string, verb: string, description: string): INodePropertyOptions {
	const name = verb.charAt(0).toUpperCase() + verb.slice(1);
	return { name, value: verb, action: `${name} ${/^[aeio]/i.test(thing) ? 'an' : 'a'} ${thing}`, description };
}
