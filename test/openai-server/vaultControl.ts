/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import type { ServerResponse } from 'node:http';
import type { ControlTarget } from './control';
import * as F from './fixtures';
import { sendJson } from './http';
import type { ServerState } from './types';

/** What the stand-in vault holds: which service account's key the application uses now. */
interface VaultRecord {
	projectId: string;
	serviceAccountId: string;
	apiKeyId: string | null;
	version: number;
}

type Stored = VaultRecord & { apiKey?: string; projects: ServerState['projects'] };
const vaults = new WeakMap<ServerState, Stored>();

/** What was stored, unless the server was reset since (a reset replaces the project list). */
function storedIn(state: ServerState): Stored | undefined {
	const stored = vaults.get(state);
	return stored && stored.projects === state.projects ? stored : undefined;
}

/**
 * Before anything was stored: the first service account of an active Acme project, as if an application had been
 * given its key when the account was made (so the demo's rotation example has a real account to rotate).
 */
function firstRecord(state: ServerState): VaultRecord | undefined {
	const active = new Set(state.projects.filter((project) => project.organizationId === F.ORG_ACME && project.archivedAt === null).map((project) => project.id));
	const account = state.serviceAccounts.find((candidate) => active.has(candidate.projectId));
	if (!account) return undefined;
	const project = state.projects.find((candidate) => candidate.id === account.projectId);
	const key = project?.activity.keys.find((candidate) => candidate.owner.type === 'service_account' && candidate.owner.id === account.id);
	return { projectId: account.projectId, serviceAccountId: account.id, apiKeyId: key?.id ?? null, version: 1 };
}

const shown = ({ projectId, serviceAccountId, apiKeyId, version }: VaultRecord) => ({ projectId, serviceAccountId, apiKeyId, version });

/**
 * A stand-in for a secrets vault (`https://vault.example.com/…` in the key-rotation example; the demo and the suite
 * point it here). `GET /__control/vault` says which key the application uses now (never the key itself);
 * `POST /__control/vault` `{"projectId", "serviceAccountId", "apiKeyId", "apiKey"}` stores a new one and answers
 * `{"stored": true, …}` without the key. A reset of the server empties it.
 */
export function handleVaultControl(route: string, raw: string, response: ServerResponse, target: ControlTarget) {
	const current = storedIn(target.state) ?? firstRecord(target.state);
	if (route === 'GET /__control/vault') {
		if (!current) return sendJson(response, 404, JSON.stringify({ error: 'the vault holds no key' }));
		return sendJson(response, 200, JSON.stringify(shown(current)));
	}
	if (route === 'POST /__control/vault') {
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(raw || '{}');
		} catch {
			return sendJson(response, 400, JSON.stringify({ error: 'the body must be JSON' }));
		}
		const { projectId, serviceAccountId, apiKeyId, apiKey } = body;
		if (![projectId, serviceAccountId, apiKeyId, apiKey].every((value) => typeof value === 'string' && value !== '')) {
			return sendJson(response, 400, JSON.stringify({ error: 'projectId, serviceAccountId, apiKeyId and apiKey (strings) are required' }));
		}
		const stored = {
			projectId: String(projectId),
			serviceAccountId: String(serviceAccountId),
			apiKeyId: String(apiKeyId),
			apiKey: String(apiKey),
			version: (current?.version ?? 0) + 1,
			projects: target.state.projects,
		};
		vaults.set(target.state, stored);
		return sendJson(response, 200, JSON.stringify({ stored: true, ...shown(stored) }));
	}
	return sendJson(response, 404, JSON.stringify({ error: `unknown control route ${route}` }));
}

/** What the vault holds now, the key included (for tests: the key must be the one that works). */
export function vaultContents(state: ServerState): (VaultRecord & { apiKey?: string }) | undefined {
	const stored = storedIn(state);
	if (!stored) return firstRecord(state);
	const { projectId, serviceAccountId, apiKeyId, apiKey, version } = stored;
	return { projectId, serviceAccountId, apiKeyId, apiKey, version };
}
