import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { isProjectId, listPages, openAiRequest } from '../../../shared/transport';
import { choiceProperty, optionsNamedAfterValues } from '../../../shared/parameters/choices';
import { pickedProjectId, projectPicker } from '../../../shared/parameters/projectPicker';
import { INVITE, toMemberItem } from '../../helpers/members';
import { organizationRoleProperty, readOrganizationRole } from '../../helpers/roles';
import { explainInviteRefusal } from './refusals';

const PROJECT_ROLES = ['member', 'owner'];
/** OpenAI's clock and ours may differ a little; a lost create is looked for in this window. */
const CLOCK_SKEW_SECONDS = 30;

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Who to invite: OpenAI sends the invitation to this address',
	},
	{ ...organizationRoleProperty, description: 'The role in the organization once the invite is accepted' },
	{
		displayName: 'Projects',
		name: 'projects',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Project',
		default: {},
		description:
			'The projects the person joins on accepting. None given: OpenAI adds them to the Default project only.',
		options: [
			{
				displayName: 'Project',
				name: 'project',
				values: [
					// Named "id" as when it was a typed ID, so saved workflows keep their projects (read either way).
					projectPicker({ name: 'id', description: 'A project the person joins' }),
					choiceProperty({ displayName: 'Project Role', name: 'role', default: 'member' }, optionsNamedAfterValues(PROJECT_ROLES)),
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invite'], operation: ['create'] } }, properties);

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

function readEmail(this: IExecuteFunctions, itemIndex: number): string {
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim();
	if (!EMAIL.test(email)) {
		throw new NodeOperationError(
			this.getNode(),
			email ? `"Email" must be one email address, not "${email}"` : '"Email" is empty: enter the address to invite',
			{ itemIndex, description: 'One invite per item: to invite several people, send one item per address.' },
		);
	}
	return email;
}

function readProjects(this: IExecuteFunctions, itemIndex: number): IDataObject[] | undefined {
	const raw = this.getNodeParameter('projects', itemIndex, {}) as { project?: IDataObject[] };
	const entries = raw?.project ?? [];
	if (entries.length === 0) return undefined;
	const seen = new Set<string>();
	return entries.map((entry, position) => {
		const id = pickedProjectId(entry.id);
		const role = String(entry.role ?? 'member');
		if (!isProjectId(id)) {
			throw new NodeOperationError(this.getNode(), `"Projects" entry ${position + 1} must be a project ID like proj_abc123, not "${id}"`, {
				itemIndex,
				description: 'Copy the ID from OpenAI Projects > Get Many or platform.openai.com/settings/organization/projects.',
			});
		}
		if (!PROJECT_ROLES.includes(role)) {
			throw new NodeOperationError(this.getNode(), `"Project Role" of ${id} must be member or owner, not "${role}"`, { itemIndex });
		}
		if (seen.has(id)) {
			throw new NodeOperationError(this.getNode(), `"Projects" names ${id} twice`, {
				itemIndex,
				description: 'Give each project once, with the role the person should have there.',
			});
		}
		seen.add(id);
		return { id, role };
	});
}

/** After a lost answer: a pending invite for this address sent since we asked is the one we created. */
async function findCreatedInvite(
	this: IExecuteFunctions,
	email: string,
	askedAt: number,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject | undefined> {
	let found: IDataObject | undefined;
	for await (const page of listPages.call(this, { path: INVITE.path, qs: {}, itemIndex, ...limits })) {
		for (const invite of page) {
			const sameEmail = String(invite.email ?? '').toLowerCase() === email.toLowerCase();
			if (sameEmail && invite.status === 'pending' && Number(invite.created_at) >= askedAt - CLOCK_SKEW_SECONDS) found = invite;
		}
	}
	return found;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const email = readEmail.call(this, itemIndex);
	const role = readOrganizationRole.call(this, itemIndex);
	const projects = readProjects.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	const body: IDataObject = { email, role };
	if (projects) body.projects = projects;
	const send = async () => {
		const askedAt = Math.floor(Date.now() / 1000);
		const response = await openAiRequest
			.call(this, {
				method: 'POST',
				path: INVITE.path,
				body,
				itemIndex,
				...limits,
				notIdempotent: true,
				findLostResult: async () => await findCreatedInvite.call(this, email, askedAt, itemIndex, limits),
			})
			.catch(async (error: unknown) => {
				throw await explainInviteRefusal.call(this, error, email, itemIndex, limits);
			});
		return [toMemberItem(response.body as IDataObject, response.recovered ? { recoveredAfterLostResponse: true } : {})];
	};
	return { send };
}
