import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/execution/router';
import type { OperationTable } from '../../shared/execution/operation';
import * as auditLog from './auditLog';
import * as group from './group';
import * as groupMember from './groupMember';
import * as invite from './invite';
import * as user from './user';
import * as cost from '../../shared/actions/cost';
import * as usage from '../../shared/actions/usage';

const operations: OperationTable = {
	auditLog: { getAll: auditLog.getAll },
	user: { get: user.get, getAll: user.getAll, remove: user.remove, updateRole: user.updateRole },
	invite: { create: invite.create, delete: invite.deleteInvite, get: invite.get, getAll: invite.getAll },
	group: { create: group.create, delete: group.deleteGroup, get: group.get, getAll: group.getAll, rename: group.rename },
	groupMember: { add: groupMember.add, get: groupMember.get, getAll: groupMember.getAll, remove: groupMember.remove },
	usage: { getAll: usage.getAll },
	cost: { getAll: cost.getAll },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
