import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** One item, read and checked: sending it is all that is left. */
export interface PreparedItem {
	send(): Promise<IDataObject[]>;
	/**
	 * Destructive operations only: a read-only look at the target before anything is changed (it exists, it may be
	 * changed), for every item before the first is sent; throws to refuse the item. Resolves to what a Dry Run puts
	 * out for it.
	 */
	check?(): Promise<IDataObject[]>;
}

/** How a destructive operation names what it does, for its Dry Run and per-run cap (see destructive.ts). */
export interface DestructiveRules {
	/** e.g. 'archive' */
	verb: string;
	/** e.g. 'archived' */
	pastTense: string;
	/** plural, lower case, e.g. 'projects': "Max Projects per Run" */
	items: string;
}

/**
 * One operation of a node. `prepare` reads and checks every parameter of one item and builds what will be sent,
 * without sending anything: the shared path prepares every item of the run before the first request, so bad input in
 * the last item stops the run before the first item changes anything.
 */
export interface Operation {
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem;
	/**
	 * Cannot be undone (archive, delete, remove, revoke). The shared path guards such operations (destructive.ts:
	 * per-run cap, every item's check before the first change, Dry Run) and sends their items one at a time, so
	 * that a failure stops the batch before the next item. Their description adds destructiveProperties().
	 */
	destructive?: DestructiveRules;
}

/** A node's operations by resource and operation name, as its "Resource" and "Operation" parameters name them. */
export type OperationTable = Record<string, Record<string, Operation>>;
