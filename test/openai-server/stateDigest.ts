import { createHash } from 'node:crypto';
import { freshControls } from './projectControls';
import type { ServerState } from './types';

/**
 * The test server's own debug view, not part of OpenAI's contract: one digest of everything an organization's
 * admin can change (projects, keys, users, invites, members, service accounts, and each project's rate limits,
 * spend alerts and limit, model and tool permissions), and one per part, so that a demo or suite can prove a run
 * changed nothing and say what changed when it did. Reading never changes it: a project's controls are made on
 * first read, so controls still as fresh as on that read count as never made. Chat completions and the audit log
 * are a record of use, not the organization's set-up, and are left out.
 */
export interface StateDigest {
	digest: string;
	parts: Record<string, string>;
	counts: Record<string, number>;
}

function hash(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export function stateDigest(state: ServerState): StateDigest {
	const fresh = JSON.stringify(freshControls());
	const controls = Object.fromEntries(
		Object.entries(state.projectControls)
			.filter(([, value]) => JSON.stringify(value) !== fresh)
			.sort(([a], [b]) => a.localeCompare(b)),
	);
	const parts: Record<string, unknown[] | Record<string, unknown>> = {
		organizations: state.organizations,
		projects: state.projects,
		keys: state.keys,
		users: state.users,
		invites: state.invites,
		projectUsers: state.projectUsers,
		serviceAccounts: state.serviceAccounts,
		projectControls: controls,
		groups: state.groups,
		groupUsers: state.groupUsers,
		projectGroups: state.projectGroups,
	};
	const partDigests = Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, hash(value)]));
	const counts = Object.fromEntries(
		Object.entries(parts).map(([name, value]) => [name, Array.isArray(value) ? value.length : Object.keys(value).length]),
	);
	return { digest: hash(partDigests), parts: partDigests, counts };
}
