import type { OrganizationControls } from './organizationControls';
import type { ProjectControls } from './projectControls';
import type { RoleAssignmentRecord, RoleRecord } from './roles';
import type { RateLimitSettings } from './rateLimits';

export type { AdminRateLimitSettings, ModelRateLimitSettings, RateLimitSettings } from './rateLimits';

export interface SeedProject {
	id?: string;
	name: string;
	/** unix seconds; default: spread over the last two years */
	created_at?: number;
	archived_at?: number | null;
	status?: 'active' | 'archived';
	external_key_id?: string | null;
	/** what the project used and when; default: completions every few days up to today, one key used with them */
	activity?: SeedActivity;
}

/** One report under GET /organization/usage/<kind>. */
export type UsageKind =
	| 'completions'
	| 'embeddings'
	| 'moderations'
	| 'images'
	| 'audio_speeches'
	| 'audio_transcriptions'
	| 'vector_stores'
	| 'code_interpreter_sessions'
	| 'file_search_calls'
	| 'web_search_calls';

/** A seed's history, in days before the server's "now". */
export interface SeedActivity {
	/** the usage kinds the project uses (moderations are free; every other kind costs money); none: no usage */
	usage?: UsageKind[];
	/** its last day of usage (0 = today); before it, usage comes on random days from its creation */
	lastUsedDaysAgo?: number;
	/** false: its usage is covered by free credits and never shows in the costs (default true) */
	billed?: boolean;
	/** its API keys (every other one owned by a service account); default: one key, used on the last day of usage */
	keys?: Array<{ lastUsedDaysAgo: number | null; serviceAccount?: boolean; name?: string }>;
}

export interface ApiKeyPlan {
	id: string;
	name: string;
	/** unix seconds */
	createdAt: number;
	lastUsedAt: number | null;
	/** never a usable key: 'sk-proj-****abcd' */
	redactedValue: string;
	owner: { type: 'user' | 'service_account'; id: string; name: string };
}

/** A project's history as dates: what the usage, costs and key listings are computed from. */
export interface ActivityPlan {
	usage: UsageKind[];
	/** whether its usage is billed (shows in the costs) */
	billed: boolean;
	/** unix seconds of the UTC day of its last usage; null: no usage ever */
	lastUsageDay: number | null;
	keys: ApiKeyPlan[];
}

export interface TestServerOptions {
	host?: string;
	port?: number;
	/** extra projects seeded into ORG_ACME besides its Default project */
	projects?: number | SeedProject[];
	/** a service account of this name, with one key, in the first active Acme project (the demo's key to rotate) */
	serviceAccount?: string;
	seed?: number;
	costsDays?: number;
	latencyMs?: number | [number, number];
	/** Shorthand for `rateLimits.admin.requestsPerMinute` (per key and endpoint, one-minute window). */
	adminRateLimitPerMinute?: number;
	/** Model limits (default: usage tier 5, 30,000 RPM / 150,000,000 TPM) and the Admin API's (default: none). */
	rateLimits?: RateLimitSettings;
	now?: () => number;
}

export interface OrganizationRecord {
	id: string;
	name: string;
	defaultProjectId: string;
}

export interface ProjectRecord {
	id: string;
	organizationId: string;
	name: string;
	/** unix seconds */
	createdAt: number;
	archivedAt: number | null;
	isDefault: boolean;
	externalKeyId: string | null;
	residency: string | null;
	activity: ActivityPlan;
}

/** A registered key as tests may see it: never the key itself. */
export interface KeyRecord {
	fingerprint: string;
	kind: 'admin' | 'project' | 'user';
	/** admin and project keys: their one organization; user keys: every membership, default first */
	organizationIds: string[];
	projectId?: string;
	/** the project API key this key is (its id in the project's key list) */
	apiKeyId?: string;
	/** the Admin API key this key is (its id in the organization's admin key list) */
	adminKeyId?: string;
}

/** Who was billed for one chat completion. */
export interface ChatCompletionRecord {
	id: string;
	model: string;
	organizationId: string;
	projectId: string;
	keyFingerprint: string;
	promptTokens: number;
	completionTokens: number;
	/** unix seconds */
	created: number;
}

export interface ServerState {
	organizations: OrganizationRecord[];
	projects: ProjectRecord[];
	keys: KeyRecord[];
	chatCompletions: ChatCompletionRecord[];
	// Project members, service accounts and the organization's users (members.ts, users.ts).
	users: OrganizationUserRecord[];
	projectUsers: ProjectUserRecord[];
	serviceAccounts: ServiceAccountRecord[];
	/** rate limits, spend alerts and limit, model and hosted-tool permissions, by project ID (made on first use) */
	projectControls: Record<string, ProjectControls>;
	// The organization's invites (invites.ts).
	invites: InviteRecord[];
	// Uploaded files and batches (files.ts, batches.ts) and how batches move on the batch clock.
	files: FileRecord[];
	batches: BatchRecord[];
	batchRules: BatchRules;
	// Fine-tuned models (fineTunedModels.ts), chat completions kept with `store: true` and stored responses.
	fineTunedModels: FineTunedModelRecord[];
	storedChatCompletions: StoredObject[];
	storedResponses: StoredObject[];
	/** how background responses move on their clock (handlers/responses.ts) */
	backgroundRules: BackgroundRules;
	// Custom roles and role assignments (roles.ts); the predefined roles are not records.
	roles: RoleRecord[];
	roleAssignments: RoleAssignmentRecord[];
	// Admin API keys and certificates of the organizations (adminKeys.ts, certificates.ts).
	adminApiKeys: AdminApiKeyRecord[];
	certificates: CertificateRecord[];
	/** each organization's spend limit and alerts, data retention (organizationControls.ts; made on first use) */
	organizationControls: Record<string, OrganizationControls>;
	// The organization's groups, their users and the projects they may use (groups.ts).
	groups: GroupRecord[];
	groupUsers: GroupUserRecord[];
	projectGroups: ProjectGroupRecord[];
}

/** An organization's Admin API key as OpenAI lists it: never its value, only its redacted form. */
export interface AdminApiKeyRecord {
	id: string;
	organizationId: string;
	name: string;
	/** 'sk-admin...' and the key's last 3 characters, as the contract's examples show it */
	redactedValue: string;
	/** unix seconds */
	createdAt: number;
	expiresAt: number | null;
	lastUsedAt: number | null;
	owner: { id: string; name: string; createdAt: number };
}

/** A certificate uploaded to an organization, active or not there and in each of its projects. */
export interface CertificateRecord {
	id: string;
	organizationId: string;
	name: string | null;
	/** unix seconds */
	createdAt: number;
	validAt: number;
	expiresAt: number;
	/** PEM */
	content: string;
	activeInOrganization: boolean;
	/** the projects it is active in */
	activeInProjects: string[];
}

/** An uploaded file (POST /files) or a batch's output or error file; content is text (JSONL). */
export interface FileRecord {
	id: string;
	organizationId: string;
	projectId: string;
	filename: string;
	purpose: string;
	bytes: number;
	/** unix seconds */
	createdAt: number;
	expiresAt: number | null;
	content: string;
}

export type BatchStatus =
	| 'validating'
	| 'failed'
	| 'in_progress'
	| 'finalizing'
	| 'completed'
	| 'expired'
	| 'cancelling'
	| 'cancelled';

/**
 * How batches move, on a clock the tests control (batch time = the server's now + clockOffsetSeconds): validating
 * for validatingSeconds, in progress for inProgressSeconds, then `outcome`; a cancel takes cancellingSeconds.
 * Set them on server.state.batchRules or with POST /__control/batches; POST /__control/batches/advance moves the clock.
 */
export interface BatchRules {
	validatingSeconds: number;
	inProgressSeconds: number;
	cancellingSeconds: number;
	/** what a batch that passed validation ends as: 'expired' runs only `expiredShare` of its lines */
	outcome: 'completed' | 'failed' | 'expired';
	/** the share of lines (0..1) run before an expiry */
	expiredShare: number;
	clockOffsetSeconds: number;
}

export interface BatchRecord {
	id: string;
	organizationId: string;
	projectId: string;
	keyFingerprint: string;
	inputFileId: string;
	endpoint: string;
	completionWindow: string;
	metadata: Record<string, string> | null;
	status: BatchStatus;
	/** the outcome it will reach, fixed when it was created */
	outcome: BatchRules['outcome'];
	/** unix seconds on the batch clock */
	createdAt: number;
	expiresAt: number;
	inProgressAt?: number;
	finalizingAt?: number;
	completedAt?: number;
	failedAt?: number;
	expiredAt?: number;
	cancellingAt?: number;
	cancelledAt?: number;
	outputFileId?: string;
	errorFileId?: string;
	total: number;
	completed: number;
	failed: number;
	inputTokens: number;
	outputTokens: number;
	errors: Array<{ code: string; message: string; param: string | null; line: number | null }>;
}

/** A group of an organization's users (GET /organization/groups). */
export interface GroupRecord {
	id: string;
	organizationId: string;
	name: string;
	/** unix seconds */
	createdAt: number;
	/** managed by the identity provider: the API cannot rename or delete it, nor change its users */
	isScimManaged: boolean;
	groupType: 'group' | 'tenant_group';
}

/** A user's membership of one group. */
export interface GroupUserRecord {
	groupId: string;
	userId: string;
	/** unix seconds */
	addedAt: number;
}

/** A group's access to one project, with the project role it holds there. */
export interface ProjectGroupRecord {
	projectId: string;
	groupId: string;
	/** a project role id (role_...) */
	role: string;
	/** unix seconds */
	createdAt: number;
}

/** A fine-tuned model, owned by one organization (GET/DELETE /models/{model}). */
export interface FineTunedModelRecord {
	id: string;
	organizationId: string;
	/** unix seconds */
	created: number;
}

/** A chat completion or response that OpenAI keeps: only its own project sees it. */
export interface StoredObject {
	organizationId: string;
	projectId: string;
	/** the object as created was answered */
	body: Record<string, unknown>;
	/** responses: the conversation so far (earlier inputs and answers), for a later previous_response_id */
	conversation?: Array<{ role: string; content: string }>;
	/** responses: the request's own input as items with ids (GET /responses/{id}/input_items), in the order sent */
	inputItems?: Array<Record<string, unknown>>;
	/** background responses: where the run is on the background clock, and the answer it ends with */
	background?: BackgroundRun;
}

/**
 * How background responses (`background: true`) move, on a clock the tests control (background time = the server's
 * now + clockOffsetSeconds): queued for queuedSeconds, in progress for inProgressSeconds, then `outcome`.
 * Set them on server.state.backgroundRules or with POST /__control/background; POST /__control/background/advance
 * moves the clock.
 */
export interface BackgroundRules {
	queuedSeconds: number;
	inProgressSeconds: number;
	outcome: 'completed' | 'failed';
	clockOffsetSeconds: number;
}

export interface BackgroundRun {
	/** unix seconds on the background clock */
	queuedAt: number;
	inProgressAt?: number;
	/** what it ends as, fixed when it was created */
	outcome: BackgroundRules['outcome'];
	/** the response as it reads once completed */
	final: Record<string, unknown>;
	/** set by a cancel: the run stops where it was */
	cancelled?: boolean;
}

/** A member of an organization (GET /organization/users). */
export interface OrganizationUserRecord {
	id: string;
	organizationId: string;
	name: string;
	email: string;
	role: 'owner' | 'reader';
	/** unix seconds */
	addedAt: number;
}

/** An invite to an organization (GET /organization/invites), with the projects it grants on acceptance. */
export interface InviteRecord {
	id: string;
	organizationId: string;
	email: string;
	role: 'owner' | 'reader';
	status: 'accepted' | 'expired' | 'pending';
	/** unix seconds */
	createdAt: number;
	expiresAt: number;
	acceptedAt: number | null;
	projects: Array<{ id: string; role: 'member' | 'owner' }>;
}

/** A user's membership of one project. */
export interface ProjectUserRecord {
	projectId: string;
	userId: string;
	role: 'owner' | 'member';
	/** unix seconds */
	addedAt: number;
}

/** A service account of one project; its keys are in the project's key list (activity.keys). */
export interface ServiceAccountRecord {
	id: string;
	projectId: string;
	name: string;
	role: 'owner' | 'member' | 'none';
	/** unix seconds */
	createdAt: number;
}

export interface RecordedRequest {
	/** When the request arrived (the machine's clock, also when the server runs on a test clock). */
	receivedAtMs: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	keyFingerprint?: string;
	body?: unknown;
	status?: number;
	fault?: string;
}

export type FaultRule = {
	method?: string;
	/** a RegExp tests the path (e.g. /v1/organization/projects); a string matches it exactly, with or without /v1 */
	path?: string | RegExp;
	/** only requests made with this key fingerprint ('sk-...abcd') */
	keyFingerprint?: string;
	times?: number;
	after?: number;
} & (
	| { kind: 'latency'; ms: number | [number, number] }
	| {
			kind: 'rate_limit';
			retryAfterSeconds?: number;
			retryAfterMs?: number;
			rateLimitHeaders?: boolean;
	  }
	| { kind: 'insufficient_quota' }
	| { kind: 'server_error'; status: 500 | 502 | 503 }
	| { kind: 'reset_before' }
	| { kind: 'reset_after' }
	| { kind: 'malformed_json' }
	| { kind: 'repeat_cursor' }
	/** the answer's status and headers at once, then its body one byte every `byteMs` (default 1000) */
	| { kind: 'trickle'; byteMs?: number }
	/** nothing after the status and headers (or, with `headers: false`, nothing at all) until the client gives up */
	| { kind: 'stall'; headers?: boolean }
	/** the status, headers and half the body, then the connection is cut */
	| { kind: 'reset_mid_body' }
	/** a successful list answers no data, `has_more: true` and a fresh `last_id` (or `null` with `nullCursor`) */
	| { kind: 'empty_pages'; nullCursor?: boolean }
	/** 401 whose message repeats the Authorization header and any user:password sent (like some proxies) */
	| { kind: 'echo_auth' }
);

export type FaultKind = FaultRule['kind'];

export interface FaultController {
	add(rule: FaultRule): void;
	clear(): void;
}

export interface OpenAiTestServer {
	url: string;
	port: number;
	state: ServerState;
	requests: RecordedRequest[];
	faults: FaultController;
	clearRequests(): void;
	reset(): void;
	/** Replaces the rate limits and empties their windows (also `POST /__control/limits`). */
	setRateLimits(settings: RateLimitSettings): void;
	close(): Promise<void>;
}
