import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { route } from '../../shared/execution/router';
import type { OperationTable } from '../../shared/execution/operation';
import * as cost from '../../shared/actions/cost';
import * as project from './project';
import * as projectApiKey from './projectApiKey';
import * as projectGroup from './projectGroup';
import * as projectUser from './projectUser';
import * as serviceAccount from './serviceAccount';
import * as usage from '../../shared/actions/usage';
import * as hostedToolPermissions from './hostedToolPermissions';
import * as modelPermissions from './modelPermissions';
import * as rateLimit from './rateLimit';
import * as spendAlert from './spendAlert';
import * as spendLimit from './spendLimit';

const operations: OperationTable = {
	project: {
		archive: project.archive,
		create: project.create,
		findStale: project.findStale,
		get: project.get,
		getAll: project.getAll,
		rename: project.rename,
	},
	cost: { getAll: cost.getAll },
	usage: { getAll: usage.getAll },
	// Inside a project: its users, service accounts and API keys.
	projectUser: {
		add: projectUser.add,
		get: projectUser.get,
		getAll: projectUser.getAll,
		remove: projectUser.remove,
		update: projectUser.update,
	},
	serviceAccount: {
		create: serviceAccount.create,
		createKey: serviceAccount.createKey,
		delete: serviceAccount.deleteAccount,
		get: serviceAccount.get,
		getAll: serviceAccount.getAll,
	},
	projectApiKey: { delete: projectApiKey.deleteKey, get: projectApiKey.get, getAll: projectApiKey.getAll },
	projectGroup: { add: projectGroup.add, get: projectGroup.get, getAll: projectGroup.getAll, remove: projectGroup.remove },
	// What a project may use and spend
	rateLimit: { getAll: rateLimit.getAll, update: rateLimit.update },
	spendAlert: {
		create: spendAlert.create,
		delete: spendAlert.delete,
		get: spendAlert.get,
		getAll: spendAlert.getAll,
		update: spendAlert.update,
	},
	spendLimit: { get: spendLimit.get, remove: spendLimit.remove, set: spendLimit.set },
	modelPermissions: { get: modelPermissions.get, remove: modelPermissions.remove, update: modelPermissions.update },
	hostedToolPermissions: { get: hostedToolPermissions.get, update: hostedToolPermissions.update },
};

/** Admin endpoints are rate limited per key; one item at a time keeps the order and stays under it. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(this, operations);
}
