import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemContext } from '../execution/destructiveOperation';

/**
 * Whose spend alerts and hard limit an operation works on: a project's (OpenAI Projects) or the organization's
 * (OpenAI Organization). The operations in spendAlertOperations.ts and spendLimitOperations.ts are written once on
 * this; each node says here what differs: the field that names the owner, the paths, the words and the checks.
 */
export interface SpendScope {
	/** the fields that name the owner (the project picker, with this description), none for the organization */
	ownerFields(description?: string): INodeProperties[];
	/** the owner from the item's parameters, checked before any request ('' for the organization) */
	owner(this: IExecuteFunctions, itemIndex: number): string;
	/** e.g. /organization/projects/proj_abc/spend_alerts, /organization/spend_alerts */
	alertsPath(owner: string): string;
	limitPath(owner: string): string;
	/** the owner in words: 'project proj_abc', 'the organization' */
	words(owner: string): string;
	/** whose spend, in a field's description: "the project's", "the organization's" */
	whose: string;
	/** an answer made an output item: the answer with its owner (a project's ID) and `extra` */
	item(owner: string, answer: IDataObject, extra?: IDataObject): IDataObject;
	/** before a read of the limit: the owner exists, so that a 404 means "no limit" */
	requireOwner?(this: IExecuteFunctions, owner: string, context: ItemContext): Promise<void>;
	/** before a destructive change: the owner exists and may be changed; `nothingDone` ends its error */
	requireChangeable?(this: IExecuteFunctions, owner: string, context: ItemContext, nothingDone: string): Promise<void>;
}
