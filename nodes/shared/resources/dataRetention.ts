import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { PreparedItem } from '../execution/operation';
import { readRequestLimits } from '../execution/requestOptions';
import { operationProperty } from '../parameters/operations';
import { openAiRequest } from '../transport';

/**
 * Data retention controls, the organization's and a project's: read, and set to one of the values the contract
 * lists (contractEnums.ts, generated from it). Each node's `actions/dataRetention/*.operation.ts` is one of these on
 * its scope.
 */
export interface RetentionScope {
	/** the fields that name the owner (the project picker), none for the organization */
	ownerFields(description: string): INodeProperties[];
	owner(this: IExecuteFunctions, itemIndex: number): string;
	path(owner: string): string;
	/** 'project proj_abc', 'the organization' */
	words(owner: string): string;
	/** "the project's", "the organization's" */
	whose: string;
	/** the values the contract accepts, in its order */
	types: readonly string[];
	/** what each value means, where it is worth saying */
	meanings: Record<string, string>;
	item(owner: string, answer: IDataObject, extra?: IDataObject): IDataObject;
}

/** "enhanced_zero_data_retention" → "Enhanced Zero Data Retention" */
function readableType(type: string): string {
	return type
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export function retentionOptions(scope: RetentionScope): INodePropertyOptions[] {
	return scope.types
		.map((type) => ({ name: readableType(type), value: type, ...(scope.meanings[type] ? { description: scope.meanings[type] } : {}) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const show = (operation: string) => ({ show: { resource: ['dataRetention'], operation: [operation] } });

async function readRetention(this: IExecuteFunctions, scope: RetentionScope, owner: string, itemIndex: number): Promise<IDataObject> {
	const limits = readRequestLimits.call(this, itemIndex);
	const response = await openAiRequest.call(this, { method: 'GET', path: scope.path(owner), itemIndex, subject: scope.words(owner), ...limits });
	return response.body as IDataObject;
}

export function dataRetentionGet(scope: RetentionScope) {
	const description = updateDisplayOptions(show('get'), scope.ownerFields('The project whose data retention to read'));
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		return { send: async () => [scope.item(owner, await readRetention.call(this, scope, owner, itemIndex))] };
	}
	return { description, prepare };
}

/** Set: read first, and send nothing when it is already as asked, so that a template applied twice changes nothing. */
export function dataRetentionUpdate(scope: RetentionScope) {
	// the first of the contract's values (a project's: follow the organization)
	const firstType = scope.types[0];
	const description = updateDisplayOptions(show('update'), [
		...scope.ownerFields('The project whose data retention to set'),
		{
			displayName: 'Retention Type',
			name: 'retentionType',
			type: 'options',
			required: true,
			default: firstType,
			description: `What OpenAI may keep of ${scope.whose} requests and answers. The zero-retention and modified abuse monitoring settings need OpenAI's approval for the organization.`,
			options: retentionOptions(scope),
		},
	]);
	function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
		const owner = scope.owner.call(this, itemIndex);
		const wanted = String(this.getNodeParameter('retentionType', itemIndex, '') ?? '').trim();
		if (!scope.types.includes(wanted)) {
			throw new NodeOperationError(this.getNode(), `"Retention Type" must be one of OpenAI's settings, not "${wanted}"`, {
				itemIndex,
				description: `Pick one from the list, or send one of: ${scope.types.join(', ')}.`,
			});
		}
		const limits = readRequestLimits.call(this, itemIndex);
		const send = async () => {
			const current = await readRetention.call(this, scope, owner, itemIndex);
			if (current.type === wanted) return [scope.item(owner, current, { changed: false, previousType: current.type })];
			// Setting the same value twice leaves it as it is, so this may be retried like a read.
			const response = await openAiRequest.call(this, {
				method: 'POST',
				path: scope.path(owner),
				body: { retention_type: wanted },
				itemIndex,
				subject: scope.words(owner),
				...limits,
			});
			return [scope.item(owner, response.body as IDataObject, { changed: true, previousType: current.type ?? null })];
		};
		return { send };
	}
	return { description, prepare };
}

/** The "Operation" field of the data retention resource, for `ownerWords` ('a project', 'the organization'). */
export function dataRetentionOperationProperty(ownerWords: string, whose: string, followsNote: string): INodeProperties {
	return operationProperty(
		'dataRetention',
		[
			{ name: 'Get', value: 'get', action: `Get the data retention of ${ownerWords}`, description: `Read ${whose} data retention setting${followsNote}` },
			{
				name: 'Update',
				value: 'update',
				action: `Set the data retention of ${ownerWords}`,
				description: `Set what OpenAI may keep of ${whose} requests; nothing is sent when it is already so`,
			},
		],
		'get',
	);
}
