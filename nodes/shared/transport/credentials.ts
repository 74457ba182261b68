import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, INode } from 'n8n-workflow';

import type { OpenAiFunctions } from './http';
import { redactSecrets } from './redact';
import { isOrganizationId, isProjectId } from './scope';

/** For chat (project and user keys), and for the OpenAI Projects node before version 2. */
const ORG_CREDENTIAL_TYPE = 'openAiOrgApi';
/** For the OpenAI Projects node from version 2: an Admin key. */
const ADMIN_CREDENTIAL_TYPE = 'openAiAdminApi';
export type CredentialType = typeof ORG_CREDENTIAL_TYPE | typeof ADMIN_CREDENTIAL_TYPE;

/**
 * Which of the two credentials a node reads. A node's description offers one per version, so the node
 * carries at most one of them; a node with none yet is asked for the Admin one only when that is all
 * its version offers (the Projects node, and its AI-agent tool form, from version 2).
 */
export function credentialTypeOf(node: INode): CredentialType {
	const carried = node.credentials ?? {};
	if (carried[ADMIN_CREDENTIAL_TYPE]) return ADMIN_CREDENTIAL_TYPE;
	if (carried[ORG_CREDENTIAL_TYPE]) return ORG_CREDENTIAL_TYPE;
	return /\.openAiProjects(Tool)?$/.test(node.type) && node.typeVersion >= 2 ? ADMIN_CREDENTIAL_TYPE : ORG_CREDENTIAL_TYPE;
}
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAiOrgCredentials {
	apiKey: string;
	organizationId: string;
	projectId: string;
	baseUrl: string;
}

export type KeyKind = 'admin' | 'project' | 'service account' | 'user';

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

export function readCredentialValues(raw: ICredentialDataDecryptedObject): OpenAiOrgCredentials {
	return {
		apiKey: text(raw.apiKey),
		organizationId: text(raw.organizationId),
		projectId: text(raw.projectId),
		baseUrl: (text(raw.baseUrl) || DEFAULT_BASE_URL).replace(/\/+$/, ''),
	};
}

export function keyKind(apiKey: string): KeyKind {
	if (apiKey.startsWith('sk-admin-')) return 'admin';
	if (apiKey.startsWith('sk-proj-')) return 'project';
	if (apiKey.startsWith('sk-svcacct-')) return 'service account';
	return 'user';
}

/** Checks values before any request is sent; answers a sentence naming the field and the fix. */
export function findCredentialProblem(values: OpenAiOrgCredentials): string | undefined {
	if (!values.apiKey) {
		return 'The credential has no API Key. Paste a key from platform.openai.com/api-keys into "API Key".';
	}
	if (/\s/.test(values.apiKey)) {
		return 'The API Key contains spaces or line breaks. Copy the key again without them.';
	}
	if (values.organizationId && !isOrganizationId(values.organizationId)) {
		return `The Organization ID "${values.organizationId}" is not an organization ID: it must look like org-AbC123… (find it at platform.openai.com/settings/organization/general), or leave it empty.`;
	}
	if (values.projectId && !isProjectId(values.projectId)) {
		return `The Project ID "${values.projectId}" is not a project ID: it must look like proj_AbC123…, or leave it empty.`;
	}
	if (!/^https?:\/\/[^\s/]+/i.test(values.baseUrl)) {
		return `The Base URL "${redactSecrets(values.baseUrl)}" is not an http(s) address. Use https://api.openai.com/v1 unless you go through a proxy.`;
	}
	if (/^https?:\/\/[^/?#]*@/i.test(values.baseUrl)) {
		// n8n's request helper would turn them into `Authorization: Basic …`, replacing the Bearer API key.
		return `The Base URL contains a user name or password (${redactSecrets(values.baseUrl)}). n8n would send them instead of the API key, so OpenAI would refuse every request. Remove them from the Base URL. For a proxy that needs a login, use the proxy settings of n8n or of the machine (the HTTP_PROXY / HTTPS_PROXY environment variables of n8n, which may carry the login), not credentials in the URL.`;
	}
	return undefined;
}

/** The credential read once: its checked values, and the decrypted form n8n's request helper takes as is. */
export interface LoadedCredentials {
	values: OpenAiOrgCredentials;
	decrypted: ICredentialsDecrypted;
}

/** The credential as read and checked once per node run: its values, the problem it has, what n8n gave. */
interface CredentialRead {
	node: INode;
	type: CredentialType;
	data: ICredentialDataDecryptedObject;
	values: OpenAiOrgCredentials;
	problem?: string;
}

/**
 * The credential is read once per node run: `this` is the run's own context, so nothing outlives the execution.
 * n8n's own request helper reads the credential at item 0 for every request as well; reading it per item cost a
 * database read, a decryption and a copy of the node per request (in the chat node's profile at 50 items at once, a
 * sixth of the node's own time). A read that failed is not kept: the next item asks again.
 */
const credentialReads = new WeakMap<object, Promise<CredentialRead>>();

async function readAndCheck(context: OpenAiFunctions, itemIndex: number): Promise<CredentialRead> {
	// n8n hands out a deep copy of the node on every getNode(): once per run is enough.
	const node = context.getNode();
	const type = credentialTypeOf(node);
	const data = await context.getCredentials(type, itemIndex);
	const values = readCredentialValues(data);
	return { node, type, data, values, problem: findCredentialProblem(values) };
}

function readOnce(context: OpenAiFunctions, itemIndex: number): Promise<CredentialRead> {
	const known = credentialReads.get(context);
	if (known) return known;
	const read = readAndCheck(context, itemIndex);
	credentialReads.set(context, read);
	read.catch(() => credentialReads.delete(context));
	return read;
}

/** Reads the node's credential and refuses one that could never work, before any request is sent. */
export async function loadCredentials(this: OpenAiFunctions, itemIndex = 0): Promise<LoadedCredentials> {
	const { node, type, data, values, problem } = await readOnce(this, itemIndex);
	if (problem) throw new NodeOperationError(node, problem, { itemIndex });
	const reference = node.credentials?.[type];
	return {
		values: { ...values },
		// A copy per caller: whatever one request does to its credential object never reaches another's.
		decrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type, data: { ...data } },
	};
}
