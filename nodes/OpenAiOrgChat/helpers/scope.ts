import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestLimits } from '../../shared/execution/requestOptions';
import { checkScopeOverrides, openAiRequest } from '../../shared/transport';
import type { ScopeOverrides } from '../../shared/transport';

/** The organization and project every call of this node may run under, per item. */
export const scopeFields: INodeProperties[] = [
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '',
		placeholder: 'org-…',
		description:
			"Runs this call under another organization of the key (sent as OpenAI-Organization). Empty uses the credential's.",
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		default: '',
		placeholder: 'proj_…',
		description:
			"Bills this call to a project of that organization (sent as OpenAI-Project). Empty uses the credential's.",
		// This node's key (a project or user key) cannot list projects, so there is no picker here.
		hint: 'Typed, not picked: a project or user key cannot list projects. Copy the ID from OpenAI Projects > Get Many, or from platform.openai.com/settings/organization/projects.',
	},
];

/** The item's organization and project, checked before anything is sent. */
export function readScope(this: IExecuteFunctions, itemIndex: number): ScopeOverrides {
	return checkScopeOverrides.call(this, {
		organizationId: String(this.getNodeParameter('organizationId', itemIndex, '') ?? ''),
		projectId: String(this.getNodeParameter('projectId', itemIndex, '') ?? ''),
		itemIndex,
	});
}

/** Where one item's request goes: its organization and project, its item, its request limits. */
export interface ScopedContext {
	scope: ScopeOverrides;
	itemIndex: number;
	limits: RequestLimits;
}

/**
 * One GET, DELETE or body-less POST (a cancel) of a single object (a model, a stored response) under the item's
 * scope; `subject` names it in a 404.
 */
export async function requestOne(
	this: IExecuteFunctions,
	method: 'GET' | 'DELETE' | 'POST',
	path: string,
	subject: string,
	{ scope, itemIndex, limits }: ScopedContext,
): Promise<IDataObject> {
	const response = await openAiRequest.call(this, { method, path, scope, itemIndex, subject, ...limits });
	return response.body as IDataObject;
}
