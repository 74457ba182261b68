import type { INodeProperties } from 'n8n-workflow';

import { runWorkflow, singleNodeWorkflow } from '../../harness';
import {
	ADMIN_KEY_ACME,
	CASEY_EMAIL,
	DEFAULT_PROJECT_ACME,
	INVITE_ACCEPTED_FAY,
	INVITE_PENDING_EVAN,
	GROUP_ENGINEERING,
	GROUP_SCIM_FINANCE,
	GROUP_SUPPORT,
	ORG_ACME,
	USER_ADA_OWNER,
	USER_CASEY_LEAVING,
} from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { OpenAiOrganization } from '../../../nodes/OpenAiOrganization/OpenAiOrganization.node';
import { OpenAiProjects } from '../../../nodes/OpenAiProjects/OpenAiProjects.node';
import { serveTestServer } from '../testServer';
import { CREDENTIAL_ID, credentialFor, nodeResult } from '../workflowHelpers';

const PROJECTS = 'n8n-nodes-openai-org.openAiProjects';
const ORGANIZATION = 'n8n-nodes-openai-org.openAiOrganization';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const REASON = 'tidying up after the audit';

/** The destructive operations, as a person meets them: node, resource, operation. */
const NINE = [
	'OpenAI Projects: project archive',
	'OpenAI Projects: projectUser remove',
	'OpenAI Projects: serviceAccount delete',
	'OpenAI Projects: projectApiKey delete',
	'OpenAI Projects: spendAlert delete',
	'OpenAI Projects: spendLimit remove',
	'OpenAI Projects: modelPermissions remove',
	'OpenAI Organization: user remove',
	'OpenAI Organization: invite delete',
	'OpenAI Projects: projectGroup remove',
	'OpenAI Organization: group delete',
	'OpenAI Organization: groupMember remove',
];

interface Case {
	name: string;
	node: string;
	verb: string;
	/** makes the target (through the node, as a person would) and answers the operation's parameters and its words in the plan */
	target: (server: OpenAiTestServer) => Promise<{ parameters: Record<string, unknown>; described: RegExp }>;
}

describe('One shape for every destructive operation', () => {
	let server: OpenAiTestServer;
	const projects: SeedProject[] = [
		{ name: 'Keys', activity: { usage: ['completions'], keys: [{ lastUsedDaysAgo: 120, name: 'idle', serviceAccount: false }, { lastUsedDaysAgo: 1, name: 'robot', serviceAccount: true }] } },
		{ name: 'Sandbox' },
	];
	serveTestServer({ projects }, (started) => (server = started));

	const run = async (node: string, parameters: Record<string, unknown>, inputItems?: Array<Record<string, unknown>>) =>
		await runWorkflow(
			singleNodeWorkflow({ type: node, parameters, credentials: { openAiAdminApi: { id: CREDENTIAL_ID, name: 'OpenAI Admin (test)' } } }),
			{ credentials: credentialFor(server, { apiKey: ADMIN_KEY_ACME }), inputItems },
		);
	const output = async (node: string, parameters: Record<string, unknown>) => {
		const result = nodeResult(await run(node, parameters));
		if (result.error) throw new Error(`${result.error.message}\n${result.error.description ?? ''}`);
		return result.items;
	};
	const project = (name: string) => {
		const found = server.state.projects.find((candidate) => candidate.organizationId === ORG_ACME && candidate.name === name);
		if (!found) throw new Error(`no project ${name}`);
		return found;
	};
	const keyOf = (name: string) => project('Keys').activity.keys.find((key) => key.name === name)!;
	const changes = () => server.requests.filter((request) => request.method !== 'GET');

	const CASES: Case[] = [
		{
			name: 'project archive',
			node: PROJECTS,
			verb: 'archive',
			target: async () => ({
				parameters: { resource: 'project', operation: 'archive', projectId: byId(project('Sandbox').id) },
				described: new RegExp(`^project "Sandbox" \\(${project('Sandbox').id}\\)$`),
			}),
		},
		{
			name: 'projectUser remove',
			node: PROJECTS,
			verb: 'remove',
			target: async () => ({
				parameters: { resource: 'projectUser', operation: 'remove', projectId: byId(DEFAULT_PROJECT_ACME), userId: byId(USER_CASEY_LEAVING) },
				described: new RegExp(`^user "${CASEY_EMAIL}" \\(${USER_CASEY_LEAVING}\\) in project ${DEFAULT_PROJECT_ACME}$`),
			}),
		},
		{
			name: 'serviceAccount delete',
			node: PROJECTS,
			verb: 'delete',
			target: async () => {
				const [account] = await output(PROJECTS, { resource: 'serviceAccount', operation: 'create', projectId: byId(project('Sandbox').id), name: 'short-lived' });
				return {
					parameters: { resource: 'serviceAccount', operation: 'delete', projectId: byId(project('Sandbox').id), serviceAccountId: byId(String(account.id)) },
					described: new RegExp(`^service account "short-lived" \\(${String(account.id)}\\) in project ${project('Sandbox').id}$`),
				};
			},
		},
		{
			name: 'projectApiKey delete',
			node: PROJECTS,
			verb: 'delete',
			target: async () => ({
				parameters: { resource: 'projectApiKey', operation: 'delete', projectId: byId(project('Keys').id), apiKeyId: byId(keyOf('idle').id) },
				described: new RegExp(`^API key "idle" \\(${keyOf('idle').id}\\) in project ${project('Keys').id}$`),
			}),
		},
		{
			name: 'spendAlert delete',
			node: PROJECTS,
			verb: 'delete',
			target: async () => {
				const [alert] = await output(PROJECTS, { resource: 'spendAlert', operation: 'create', projectId: byId(project('Sandbox').id), thresholdUsd: 250, recipients: 'finance@example.com' });
				return {
					parameters: { resource: 'spendAlert', operation: 'delete', projectId: byId(project('Sandbox').id), alertId: byId(String(alert.id)) },
					described: new RegExp(`^spend alert ${String(alert.id)} \\(\\$250\\.00 per month\\) of project ${project('Sandbox').id}$`),
				};
			},
		},
		{
			name: 'spendLimit remove',
			node: PROJECTS,
			verb: 'remove',
			target: async () => {
				await output(PROJECTS, { resource: 'spendLimit', operation: 'set', projectId: byId(project('Sandbox').id), thresholdUsd: 100 });
				return {
					parameters: { resource: 'spendLimit', operation: 'remove', projectId: byId(project('Sandbox').id) },
					described: new RegExp(`^the hard spend limit \\(\\$100\\.00 per month\\) of project ${project('Sandbox').id}$`),
				};
			},
		},
		{
			name: 'modelPermissions remove',
			node: PROJECTS,
			verb: 'remove',
			target: async () => ({
				parameters: { resource: 'modelPermissions', operation: 'remove', projectId: byId(project('Sandbox').id) },
				described: new RegExp(`^the model policy \\(deny_list: no models\\) of project ${project('Sandbox').id}$`),
			}),
		},
		{
			name: 'user remove',
			node: ORGANIZATION,
			verb: 'remove',
			target: async () => ({
				parameters: { resource: 'user', operation: 'remove', userId: byId(USER_CASEY_LEAVING) },
				described: new RegExp(`^user "${CASEY_EMAIL}" \\(${USER_CASEY_LEAVING}\\)$`),
			}),
		},
		{
			name: 'invite delete',
			node: ORGANIZATION,
			verb: 'delete',
			target: async () => ({
				parameters: { resource: 'invite', operation: 'delete', inviteId: byId(INVITE_PENDING_EVAN) },
				described: new RegExp(`^invite "evan@acme\\.example" \\(${INVITE_PENDING_EVAN}\\)$`),
			}),
		},
		{
			name: 'projectGroup remove',
			node: PROJECTS,
			verb: 'remove',
			target: async () => ({
				parameters: { resource: 'projectGroup', operation: 'remove', projectId: byId(DEFAULT_PROJECT_ACME), groupId: byId(GROUP_ENGINEERING) },
				described: new RegExp(`^group "Engineering" \\(${GROUP_ENGINEERING}\\) from project ${DEFAULT_PROJECT_ACME}$`),
			}),
		},
		{
			name: 'group delete',
			node: ORGANIZATION,
			verb: 'delete',
			target: async () => ({
				parameters: { resource: 'group', operation: 'delete', groupId: byId(GROUP_SUPPORT) },
				described: new RegExp(`^group "Support" \\(${GROUP_SUPPORT}\\)$`),
			}),
		},
		{
			name: 'groupMember remove',
			node: ORGANIZATION,
			verb: 'remove',
			target: async () => ({
				parameters: { resource: 'groupMember', operation: 'remove', groupId: byId(GROUP_ENGINEERING), userId: byId(USER_CASEY_LEAVING) },
				described: new RegExp(`^user "${CASEY_EMAIL}" \\(${USER_CASEY_LEAVING}\\) from group "Engineering" \\(${GROUP_ENGINEERING}\\)$`),
			}),
		},
	];

	it('all of them show the same three parameters, Dry Run, Max per Run and Reason, from the one builder, and nothing else does', () => {
		const found: string[] = [];
		for (const node of [new OpenAiProjects(), new OpenAiOrganization()]) {
			const { displayName, properties } = node.description;
			properties.forEach((property: INodeProperties, index: number) => {
				if (property.name !== 'dryRun') return;
				const show = property.displayOptions?.show ?? {};
				found.push(`${displayName}: ${String(show.resource)} ${String(show.operation)}`);
				expect(properties.slice(index, index + 3).map((next) => [next.name, next.type, next.displayOptions])).toEqual([
					['dryRun', 'boolean', property.displayOptions],
					['maxPerRun', 'number', property.displayOptions],
					['reason', 'string', property.displayOptions],
				]);
			});
		}
		expect(found.sort()).toEqual([...NINE].sort());
		expect(CASES.map((each) => each.name).sort()).toEqual(NINE.map((each) => each.split(': ')[1]).sort());
	});

	it.each(CASES.map((each) => [each.name, each] as const))('%s: Dry Run puts out a plan, what would change and why, and changes nothing', async (_name, each) => {
		const { parameters, described } = await each.target(server);
		server.clearRequests();
		const result = nodeResult(await run(each.node, { ...parameters, dryRun: true, reason: REASON }));
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		const wouldField = `would${each.verb.charAt(0).toUpperCase()}${each.verb.slice(1)}`;
		expect(item).toEqual(expect.objectContaining({ dryRun: true, [wouldField]: true }));
		const prefix = `Would ${each.verb} `;
		const plan = String(item.plan);
		expect(plan.startsWith(prefix) && plan.endsWith(`: ${REASON}`)).toBe(true);
		expect(plan.slice(prefix.length, -`: ${REASON}`.length)).toMatch(described);
		expect(changes()).toEqual([]);
	});

	it.each(CASES.filter((each) => each.verb !== 'archive').map((each) => [each.name, each] as const))(
		'%s: a change whose answer was lost is sent again, and a target already gone counts as done, not as a failure',
		async (_name, each) => {
			const { parameters } = await each.target(server);
			server.clearRequests();
			// The server deletes, then the connection drops before the answer: the transport sends the DELETE again.
			server.faults.add({ kind: 'reset_after', method: 'DELETE', times: 1 });
			const result = nodeResult(await run(each.node, parameters));
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(changes().map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
		},
	);

	it('every refusal (Default project, last owner, accepted invite, a service account\'s key, a SCIM group) stops the run before the first change', async () => {
		const refusals: Array<[string, Record<string, unknown>, Array<Record<string, unknown>>, RegExp]> = [
			[PROJECTS, { resource: 'project', operation: 'archive', projectId: byId('={{ $json.id }}') }, [{ id: project('Sandbox').id }, { id: DEFAULT_PROJECT_ACME }], /Default project/],
			[PROJECTS, { resource: 'projectUser', operation: 'remove', projectId: byId(project('Sandbox').id), userId: byId('={{ $json.id }}') }, [{ id: USER_ADA_OWNER }], /last owner/],
			[ORGANIZATION, { resource: 'invite', operation: 'delete', inviteId: byId('={{ $json.id }}') }, [{ id: INVITE_PENDING_EVAN }, { id: INVITE_ACCEPTED_FAY }], /already accepted/],
			[PROJECTS, { resource: 'projectApiKey', operation: 'delete', projectId: byId(project('Keys').id), apiKeyId: byId('={{ $json.id }}') }, [{ id: keyOf('idle').id }, { id: keyOf('robot').id }], /belongs to service account/],
			[ORGANIZATION, { resource: 'group', operation: 'delete', groupId: byId('={{ $json.id }}') }, [{ id: GROUP_SUPPORT }, { id: GROUP_SCIM_FINANCE }], /managed by your identity provider/],
		];
		for (const [node, parameters, inputItems, refusal] of refusals) {
			server.clearRequests();
			const result = nodeResult(await run(node, parameters, inputItems));
			expect(result.error?.message).toMatch(refusal);
			expect(changes()).toEqual([]);
		}
	});
});
