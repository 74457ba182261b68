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
	RecordedRequest,
	SeedProject,
	ServerState,
	TestServerOptions,
} from './types';
export * from './fixtures';
