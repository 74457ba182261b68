import { DEFAULT_SEED_ACTIVITY, generatedActivity, planFor } from './activity';
import * as F from './fixtures';
import { DEFAULT_BACKGROUND_RULES, DEFAULT_BATCH_RULES } from './batchRules';
import { seedFineTunedModels } from './fineTunedModels';
import { seedGroups } from './groups';
import { seedInvites } from './invites';
import { seedRoles } from './roles';
import { seedAdminApiKeys, seedCertificates } from './adminKeysAndCertificates';
import { seedProjectUsers, seedServiceAccounts } from './members';
import { randomProjectName } from './projectNames';
import { createRandom, randomAlphanumeric, randomInt, type Random } from './random';
import { seedOrganizationUsers, USER_ADA_OWNER } from './users';
import type { ActivityPlan, KeyRecord, ProjectRecord, SeedActivity, SeedProject, ServerState } from './types';

const DAY = 86_400;
const TWO_YEARS = 730 * DAY;

/** What a key may do; kept out of ServerState so that state never holds a full key. */
export interface KeyGrant {
	kind: KeyRecord['kind'];
	organizationIds: string[];
	projectId?: string;
	/** the project API key this is (its id in the key list): deleting that key ends the grant */
	apiKeyId?: string;
	/** the Admin API key this is (its id in the organization's admin key list): deleting that key ends the grant */
	adminKeyId?: string;
}

export interface SeedOptions {
	projects: number | SeedProject[];
	seed: number;
	nowSeconds: number;
	serviceAccount?: string;
}

export interface SeededWorld {
	state: ServerState;
	grants: Map<string, KeyGrant>;
}

export function newProjectId(random: Random): string {
	return `proj_${randomAlphanumeric(random, 24)}`;
}

export function seedWorld({ projects, seed, nowSeconds, serviceAccount }: SeedOptions): SeededWorld {
	const random = createRandom(seed);
	const state: ServerState = {
		organizations: [
			{ id: F.ORG_ACME, name: F.ORG_ACME_NAME, defaultProjectId: F.DEFAULT_PROJECT_ACME },
			{ id: F.ORG_GLOBEX, name: F.ORG_GLOBEX_NAME, defaultProjectId: F.DEFAULT_PROJECT_GLOBEX },
		],
		projects: [
			project(
				F.DEFAULT_PROJECT_ACME,
				F.ORG_ACME,
				'Default project',
				nowSeconds - TWO_YEARS - 30 * DAY,
				{ isDefault: true, activity: DEFAULT_SEED_ACTIVITY },
				seed,
				nowSeconds,
			),
			...seedAcmeProjects(projects, random, seed, nowSeconds),
			project(
				F.DEFAULT_PROJECT_GLOBEX,
				F.ORG_GLOBEX,
				'Default project',
				nowSeconds - 800 * DAY,
				{ isDefault: true, activity: DEFAULT_SEED_ACTIVITY },
				seed,
				nowSeconds,
			),
			project(
				F.PROJECT_GLOBEX_RESEARCH,
				F.ORG_GLOBEX,
				'Globex Research',
				nowSeconds - 400 * DAY,
				{ activity: DEFAULT_SEED_ACTIVITY },
				seed,
				nowSeconds,
			),
			project(
				F.PROJECT_GLOBEX_ARCHIVED,
				F.ORG_GLOBEX,
				'Globex Legacy Pilot',
				nowSeconds - 300 * DAY,
				// It was used until the day it was archived.
				{ archivedAt: nowSeconds - 100 * DAY, activity: DEFAULT_SEED_ACTIVITY },
				seed,
				nowSeconds,
			),
			project(
				F.PROJECT_GLOBEX_SUPPORT,
				F.ORG_GLOBEX,
				'Globex Support Bot',
				nowSeconds - 200 * DAY,
				{ activity: DEFAULT_SEED_ACTIVITY },
				seed,
				nowSeconds,
			),
		],
		keys: [],
		chatCompletions: [],
		users: [],
		invites: [],
		projectUsers: [],
		serviceAccounts: [],
		projectControls: {},
		fineTunedModels: seedFineTunedModels(nowSeconds),
		storedChatCompletions: [],
		storedResponses: [],
		backgroundRules: { ...DEFAULT_BACKGROUND_RULES },
		roles: [],
		roleAssignments: [],
		adminApiKeys: [],
		certificates: [],
		organizationControls: {},
		files: [],
		batches: [],
		batchRules: { ...DEFAULT_BATCH_RULES },
		groups: [],
		groupUsers: [],
		projectGroups: [],
	};
	state.users = seedOrganizationUsers(state.projects, nowSeconds);
	state.projectUsers = seedProjectUsers(state.projects, state.users);
	if (serviceAccount) addServiceAccount(state, serviceAccount, random, nowSeconds);
	state.serviceAccounts = seedServiceAccounts(state.projects);
	state.invites = seedInvites(state.projects, nowSeconds);
	Object.assign(state, seedRoles(F.ORG_ACME, F.DEFAULT_PROJECT_ACME, USER_ADA_OWNER, nowSeconds));
	state.adminApiKeys = seedAdminApiKeys(nowSeconds);
	state.certificates = seedCertificates(nowSeconds);
	Object.assign(state, seedGroups(nowSeconds));
	const grants = new Map<string, KeyGrant>([
		[F.ADMIN_KEY_ACME, { kind: 'admin', organizationIds: [F.ORG_ACME], adminKeyId: F.ADMIN_KEY_ACME_ID }],
		[F.ADMIN_KEY_GLOBEX, { kind: 'admin', organizationIds: [F.ORG_GLOBEX], adminKeyId: F.ADMIN_KEY_GLOBEX_ID }],
		[
			F.PROJECT_KEY_ACME,
			{
				kind: 'project',
				organizationIds: [F.ORG_ACME],
				projectId: F.DEFAULT_PROJECT_ACME,
				// The Default project's first key (user-owned) is this one: deleting it ends the key.
				apiKeyId: state.projects[0].activity.keys[0]?.id,
			},
		],
		[F.USER_KEY_MULTI, { kind: 'user', organizationIds: [F.ORG_ACME, F.ORG_GLOBEX] }],
		[F.USER_KEY_ACME_ONLY, { kind: 'user', organizationIds: [F.ORG_ACME] }],
		[F.USER_KEY_NO_ORG, { kind: 'user', organizationIds: [] }],
	]);
	state.keys = [...grants].map(([key, grant]) => ({ fingerprint: F.fingerprint(key), ...grant }));
	return { state, grants };
}

function seedAcmeProjects(
	projects: number | SeedProject[],
	random: Random,
	seed: number,
	nowSeconds: number,
): ProjectRecord[] {
	const seeded =
		typeof projects === 'number'
			? Array.from({ length: projects }, (_, index) => generatedProject(random, index, seed, nowSeconds))
			: projects.map((entry, index) => projectFromSeed(entry, index, random, seed, nowSeconds));
	// The API lists by creation time; a stable sort keeps equal timestamps in seed order.
	return seeded.sort((a, b) => a.createdAt - b.createdAt);
}

function generatedProject(random: Random, index: number, seed: number, nowSeconds: number): ProjectRecord {
	const id = newProjectId(random);
	const name = randomProjectName(random);
	const createdAt = nowSeconds - randomInt(random, DAY, TWO_YEARS);
	const archived = random() < 0.1;
	const archivedAt = archived ? randomInt(random, createdAt + 1, nowSeconds - 1) : null;
	const activity = generatedActivity({ id, createdAt, archivedAt }, index, seed, nowSeconds);
	return project(id, F.ORG_ACME, name, createdAt, { archivedAt, plan: activity }, seed, nowSeconds);
}

function projectFromSeed(
	entry: SeedProject,
	index: number,
	random: Random,
	seed: number,
	nowSeconds: number,
): ProjectRecord {
	if (typeof entry?.name !== 'string' || entry.name.trim() === '') {
		throw new Error(`Seed project #${index} needs a non-empty name`);
	}
	const id = entry.id ?? newProjectId(random);
	const createdAt = entry.created_at ?? nowSeconds - randomInt(random, DAY, TWO_YEARS);
	const archivedAt =
		entry.archived_at ??
		(entry.status === 'archived' ? Math.min(createdAt + DAY, nowSeconds) : null);
	return project(
		id,
		F.ORG_ACME,
		entry.name,
		createdAt,
		{
			archivedAt,
			externalKeyId: entry.external_key_id ?? null,
			activity: entry.activity ?? DEFAULT_SEED_ACTIVITY,
		},
		seed,
		nowSeconds,
	);
}

interface ProjectExtras extends Partial<Pick<ProjectRecord, 'archivedAt' | 'isDefault' | 'externalKeyId'>> {
	/** described relative to now */
	activity?: SeedActivity;
	/** already as dates */
	plan?: ActivityPlan;
}

function project(
	id: string,
	organizationId: string,
	name: string,
	createdAt: number,
	extra: ProjectExtras,
	seed: number,
	nowSeconds: number,
): ProjectRecord {
	const archivedAt = extra.archivedAt ?? null;
	return {
		id,
		organizationId,
		name,
		createdAt,
		archivedAt,
		isDefault: extra.isDefault ?? false,
		externalKeyId: extra.externalKeyId ?? null,
		residency: null,
		activity:
			extra.plan ?? planFor({ id, createdAt, archivedAt }, extra.activity ?? { usage: [], keys: [] }, seed, nowSeconds),
	};
}

/** A project created through the API: nothing used yet, no keys. */
export const NO_ACTIVITY: ActivityPlan = { usage: [], billed: true, lastUsageDay: null, keys: [] };

/** A service account with one key, used yesterday, in the first active Acme project besides Default. */
function addServiceAccount(state: ServerState, name: string, random: Random, nowSeconds: number): void {
	const project = state.projects.find((candidate) => candidate.organizationId === F.ORG_ACME && !candidate.isDefault && candidate.archivedAt === null);
	if (!project) return;
	project.activity.keys.push({
		id: `key_${randomAlphanumeric(random, 16)}`,
		name: `${name} key`,
		createdAt: Math.max(project.createdAt, nowSeconds - 90 * DAY),
		lastUsedAt: nowSeconds - DAY,
		redactedValue: `sk-svcacct-****${randomAlphanumeric(random, 4)}`,
		owner: { type: 'service_account', id: `svc_acct_${randomAlphanumeric(random, 16)}`, name },
	});
}
