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
export { DEFAULT_MODEL_LIMITS } from './rateLimits';
export { CASEY_EMAIL, USER_ADA_OWNER, USER_CASEY_LEAVING, USER_GRACE_GLOBEX } from './users';
