/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import { createRequire } from 'node:module';

// n8n-core ships its own copies of @n8n/di and @n8n/backend-common (newer than the top-level ones): services must
// be registered in the Container instance n8n-core itself reads, so both are resolved from n8n-core's folder.
const requireFromCore = createRequire(require.resolve('n8n-core'));

interface ContainerLike {
	get<T>(token: unknown): T;
	set(token: unknown, instance: unknown): void;
}

export const Container = (requireFromCore('@n8n/di') as { Container: ContainerLike }).Container;
export const LoggerToken = (requireFromCore('@n8n/backend-common') as { Logger: unknown }).Logger;
