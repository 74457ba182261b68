import { Settings } from 'luxon';

import { pollTrigger, runWorkflow, singleNodeWorkflow } from '../../harness';
import type { PollResult, WorkflowRunResult } from '../../harness';
import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer, SeedProject } from '../../openai-server';
import { appendAuditEvents } from '../../openai-server/auditLogData';
import type { AuditLogAppend } from '../../openai-server/auditLogData';
import { CREDENTIAL_ID, credentialFor } from '../workflowHelpers';
import type { CredentialValues } from '../workflowHelpers';

export const ORGANIZATION_NODE = 'n8n-nodes-openai-org.openAiOrganization';
export const TRIGGER_NODE = 'n8n-nodes-openai-org.openAiOrganizationTrigger';
export const AUDIT_LOGS_PATH = '/v1/organization/audit_logs';
export const admin: CredentialValues = { apiKey: ADMIN_KEY_ACME };
const adminReference = { openAiAdminApi: { id: CREDENTIAL_ID, name: 'OpenAI Admin (test)' } };

/** Monday 23 November 2026, 12:00 UTC; a test moves it on with `clock.advance`. */
export const START_MS = Date.UTC(2026, 10, 23, 12, 0, 0);
export const DAY = 86_400;

/** One clock for the server and the node (luxon's), moved by the tests between polls. */
export const clock = {
	ms: START_MS,
	advance(seconds: number) {
		this.ms += seconds * 1000;
	},
	seconds() {
		return Math.floor(this.ms / 1000);
	},
};

export function useClock(): void {
	beforeEach(() => {
		clock.ms = START_MS;
		Settings.now = () => clock.ms;
	});
	afterAll(() => {
		Settings.now = () => Date.now();
	});
}

const startSeconds = START_MS / 1000;

/** Named projects with keys: one used today, one idle for 40 days, one never used since its creation 10 days ago. */
export const SEED_PROJECTS: SeedProject[] = [
	{
		name: 'Support Bot',
		created_at: startSeconds - 300 * DAY,
		activity: { usage: ['completions'], lastUsedDaysAgo: 0, keys: [{ lastUsedDaysAgo: 0, name: 'support-prod' }, { lastUsedDaysAgo: 40, name: 'support-old' }] },
	},
	{ name: 'Search Ranking', created_at: startSeconds - 60 * DAY, activity: { usage: ['completions', 'embeddings'], lastUsedDaysAgo: 1, keys: [{ lastUsedDaysAgo: 1, serviceAccount: true, name: 'ranker' }] } },
	{ name: 'Old Pilot', created_at: startSeconds - 80 * DAY, archived_at: startSeconds - 5 * DAY },
];

export function serverOptions() {
	return { projects: SEED_PROJECTS, seed: 17, costsDays: 90, now: () => clock.ms };
}

export async function runGetMany(
	server: OpenAiTestServer,
	parameters: Record<string, unknown>,
	options: { credential?: CredentialValues; continueOnFail?: boolean } = {},
): Promise<WorkflowRunResult> {
	const workflow = singleNodeWorkflow({
		type: ORGANIZATION_NODE,
		parameters: { resource: 'auditLog', operation: 'getAll', ...parameters },
		credentials: adminReference,
		continueOnFail: options.continueOnFail,
	});
	return await runWorkflow(workflow, { credentials: credentialFor(server, options.credential ?? admin) });
}

export function triggerWorkflow(parameters: Record<string, unknown>) {
	return singleNodeWorkflow({ type: TRIGGER_NODE, name: 'Trigger', parameters, credentials: adminReference });
}

/**
 * Polls a trigger as an active workflow in n8n would. n8n keeps the workflow, static data included, in memory while
 * it is active, and writes the static data to its database after the activation's poll and whenever a poll emits
 * (before the execution starts). `restart()` drops what was only in memory, as a restarted n8n (or a new leader in
 * queue mode) reads back only what was written.
 */
export function activeTrigger(server: OpenAiTestServer, parameters: Record<string, unknown>) {
	let memory: Record<string, unknown> | undefined;
	let written: Record<string, unknown> | undefined;
	const run = async (mode: 'trigger' | 'manual') =>
		await pollTrigger(triggerWorkflow(trigger.parameters), { credentials: credentialFor(server, admin), staticData: memory, mode });
	const keep = (result: PollResult, mode: 'trigger' | 'manual') => {
		if (mode === 'manual') return;
		const activation = trigger.polls.length === 0;
		memory = result.staticData;
		if (activation || result.items.length > 0) written = JSON.parse(JSON.stringify(memory));
		trigger.polls.push(result);
	};
	const trigger = {
		parameters,
		polls: [] as PollResult[],
		async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<PollResult> {
			const result = await run(mode);
			if (result.error) throw new Error(`The poll failed: ${result.error.message}`);
			keep(result, mode);
			return result;
		},
		async pollExpectingError(): Promise<PollResult> {
			const result = await run('trigger');
			keep(result, 'trigger');
			return result;
		},
		restart() {
			memory = written === undefined ? undefined : JSON.parse(JSON.stringify(written));
		},
		/** The static data as the next poll sees it. */
		get saved() {
			return memory;
		},
	};
	return trigger;
}

export function append(server: OpenAiTestServer, entries: AuditLogAppend[]) {
	return appendAuditEvents(server.state, entries, clock.seconds());
}

export function requestsTo(server: OpenAiTestServer, path: string | RegExp) {
	return server.requests.filter((request) => (typeof path === 'string' ? request.path === path : path.test(request.path)));
}
