export { startOpenAiTestServer } from './server';
export type {
	ChatCompletionRecord,
	FaultController,
	FaultKind,
	FaultRule,
	KeyRecord,
	OpenAiTestServer,
	OrganizationRecord,
	ProjectRecord,
	RateLimitSettings,
	RecordedRequest,
	SeedProject,
	ServerState,
	TestServerOptions,
} from './types';
export * from './fixtures';
export { FT_MODEL_ACME, FT_MODEL_ACME_SUPPORT, FT_MODEL_GLOBEX } from './fineTunedModels';
export { DEFAULT_MODEL_LIMITS } from './rateLimits';
export { CASEY_EMAIL, USER_ADA_OWNER, USER_CASEY_LEAVING, USER_GRACE_GLOBEX } from './users';
export {
	INVITE_ACCEPTED_FAY,
	INVITE_EXPIRED_GUS,
	INVITE_PENDING_DANA,
	INVITE_PENDING_EVAN,
	INVITE_PENDING_GLOBEX,
} from './invites';
export { GROUP_ENGINEERING, GROUP_GLOBEX_RESEARCH, GROUP_SCIM_FINANCE, GROUP_SUPPORT, PROJECT_MEMBER_ROLE } from './groups';
