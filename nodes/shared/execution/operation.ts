import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** One item, read and checked: sending it is all that is left. */
export interface PreparedItem {
	send(): Promise<IDataObject[]>;
}

/**
 * One operation of a node. `prepare` reads and checks every parameter of one item and builds what will be sent,
 * without sending anything: the shared path prepares every item of the run before the first request, so bad input in
 * the last item stops the run before the first item changes anything.
 */
export interface Operation {
	prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem;
	/**
	 * Cannot be undone (archive, delete, remove, revoke). The shared path sends such items one at a time, so that a
	 * failure stops the batch before the next item; it is also the one place for any per-run guard on them.
	 */
	destructive?: boolean;
}

/** A node's operations by resource and operation name, as its "Resource" and "Operation" parameters name them. */
export type OperationTable = Record<string, Record<string, Operation>>;
