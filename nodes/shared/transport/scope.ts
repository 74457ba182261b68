import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialsDecrypted } from 'n8n-workflow';

import type { OpenAiFunctions } from './http';

/**
 * Which organization and project a request goes out under. This file is the only place that decides it: the
 * credential's values (read and checked in credentials.ts with the patterns below), a node's per-item override
 * (checked here), the decision (decideScope), and the credential handed to n8n for the request (withScope), whose
 * `authenticate` sends the decided values as the OpenAI-Organization and OpenAI-Project headers.
 */

const ORGANIZATION_ID = /^org-[A-Za-z0-9]+$/;
const PROJECT_ID = /^proj_[A-Za-z0-9]+$/;

export function isOrganizationId(value: string): boolean {
	return ORGANIZATION_ID.test(value);
}

export function isProjectId(value: string): boolean {
	return PROJECT_ID.test(value);
}

declare const checked: unique symbol;

/** A node's per-item organization/project, trimmed and checked once (by checkScopeOverrides); '' means none. */
export interface ScopeOverrides {
	organizationId: string;
	projectId: string;
	readonly [checked]: true;
}

/** The organization and project a request goes out under, and where the organization came from. */
export interface Scope {
	organizationId: string;
	organizationSource: 'credential' | 'node' | 'none';
	projectId: string;
}

/** No organization and no project: the key's own. */
export const NO_SCOPE: Scope = { organizationId: '', organizationSource: 'none', projectId: '' };

/** Trims and checks a node's per-item organization/project override; empty means "use the credential's". */
export function checkScopeOverrides(
	this: OpenAiFunctions,
	overrides: { organizationId?: string; projectId?: string; itemIndex?: number },
): ScopeOverrides {
	const itemIndex = overrides.itemIndex ?? 0;
	const organizationId = overrides.organizationId?.trim() ?? '';
	const projectId = overrides.projectId?.trim() ?? '';
	if (organizationId && !isOrganizationId(organizationId)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Organization ID" must look like org-AbC123…, not "${organizationId}"`,
			{ itemIndex, description: 'Leave it empty to use the credential\'s organization.' },
		);
	}
	if (projectId && !isProjectId(projectId)) {
		throw new NodeOperationError(
			this.getNode(),
			`"Project ID" must look like proj_AbC123…, not "${projectId}"`,
			{ itemIndex, description: 'Leave it empty to use the credential\'s project.' },
		);
	}
	return { organizationId, projectId } as ScopeOverrides;
}

/**
 * The one decision of the organization and project a request is sent under: the node's override where it gave one,
 * the credential's otherwise, none when neither has one (OpenAI rejects an empty OpenAI-Organization header).
 */
export function decideScope(
	credential: { organizationId: string; projectId: string },
	overrides?: ScopeOverrides,
): Scope {
	const organizationId = overrides?.organizationId || credential.organizationId;
	return {
		organizationId,
		organizationSource: overrides?.organizationId ? 'node' : organizationId ? 'credential' : 'none',
		projectId: overrides?.projectId || credential.projectId,
	};
}

/**
 * The credential as n8n's request helper gets it for one request: its organization and project are the decided
 * scope, which the credential's `authenticate` then sends as OpenAI-Organization and OpenAI-Project headers.
 */
export function withScope(decrypted: ICredentialsDecrypted, scope: Scope): ICredentialsDecrypted {
	return {
		...decrypted,
		data: { ...decrypted.data, organizationId: scope.organizationId, projectId: scope.projectId },
	};
}
