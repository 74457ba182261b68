import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialsDecrypted } from 'n8n-workflow';

import { isOrganizationId, isProjectId } from './credentials';
import type { OpenAiOrgCredentials } from './credentials';
import type { OpenAiFunctions } from './functions';

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
export function decideScope(credentials: OpenAiOrgCredentials, overrides?: ScopeOverrides): Scope {
	const organizationId = overrides?.organizationId || credentials.organizationId;
	return {
		organizationId,
		organizationSource: overrides?.organizationId ? 'node' : organizationId ? 'credential' : 'none',
		projectId: overrides?.projectId || credentials.projectId,
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
