/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: runs in plain Node, never inside n8n; keys are fake fixtures */
/**
 * Fixed identities seeded into every test server. Every other test imports these, so they never change.
 * Organization ids follow the brief's form 'org-' + 22 characters (real ones are often 24).
 */
export const ORG_ACME = 'org-DXRnxE3rfWAoA4ginV5D1a';
export const ORG_ACME_NAME = 'Acme Corp';
export const DEFAULT_PROJECT_ACME = 'proj_aSu70TTiw4JEGfo1kEYzwoTE';

export const ORG_GLOBEX = 'org-DUyQUPqlCCh3mIzGLh3KYD';
export const ORG_GLOBEX_NAME = 'Globex Corporation';
export const DEFAULT_PROJECT_GLOBEX = 'proj_DiPxkNARhPVAYycaqLGgCAEm';
export const PROJECT_GLOBEX_RESEARCH = 'proj_YZLpgZcLypK9ky19QF3TfdBX';
export const PROJECT_GLOBEX_SUPPORT = 'proj_GjGxE2lDTJO21SEzac5SVOS3';
/** Archived, so that every list/modify rule about archived projects has a fixed subject. */
export const PROJECT_GLOBEX_ARCHIVED = 'proj_ytROzsj9hEBeTYgVAO9Y6giu';

/** Well formed, never seeded. */
export const ORG_UNKNOWN = 'org-6jbXh9wlJNDUjgF07IqYEw';

export const ADMIN_KEY_ACME = 'sk-admin-P2bZzBPu69EHDoIkFW8tt7If07sby6ZHvAiuHnUUKDCw7bur';
export const ADMIN_KEY_GLOBEX = 'sk-admin-DrLCYMuitFVqKOyA1so1EZGixYFoYpfR2juM6fCw6KAoJscM';
/** The ids of the two admin keys above in their organization's admin key list. */
export const ADMIN_KEY_ACME_ID = 'key_AcmeMainAdmin0001';
export const ADMIN_KEY_GLOBEX_ID = 'key_GlobexAdmin00001';
export const PROJECT_KEY_ACME = 'sk-proj-wHjkLyYzWVFRs0n6TZsfAOdJWQA0NWjjHcuefAV0D92vl7Ky';
/** Legacy user key, member of ORG_ACME (its default organization) and ORG_GLOBEX. */
export const USER_KEY_MULTI = 'sk-yU7Rm54vuwEqkttT1lXdYmz25hb2MnkWh7ZGBQ4FJe2EGwkf';
export const USER_KEY_ACME_ONLY = 'sk-h7rYJ9oUYabVroIXqzdyRNeqE87KANESM3ViulgE21R0HHUV';
/** A user that belongs to no organization: every call answers 401 no_organization. */
export const USER_KEY_NO_ORG = 'sk-l1GjWLmbNkIj5k6Q8mb5tW9cz8lh80zwHGSefJIbOeK852J4';
/** Well formed, unknown to the server. */
export const BAD_KEY = 'sk-rZL36ctCo4YpVe3J2MxKRhF49NguFnHqQsMk4EqRyXUacgga';

export const ALL_FIXTURE_KEYS = [
	ADMIN_KEY_ACME,
	ADMIN_KEY_GLOBEX,
	PROJECT_KEY_ACME,
	USER_KEY_MULTI,
	USER_KEY_ACME_ONLY,
	USER_KEY_NO_ORG,
	BAD_KEY,
] as const;

/** A proxy login a careless user might put in the Base URL (http://user:password@host/v1): never to be shown. */
export const PROXY_USER = 'proxyuser';
export const PROXY_PASSWORD = 'Pr0xy-Passw0rd-n3ver-sh0wn';

/** Everything the suite-wide scan and the tests look for: every key, the proxy password and its Basic token. */
export const ALL_FIXTURE_SECRETS: readonly string[] = [
	...ALL_FIXTURE_KEYS,
	PROXY_PASSWORD,
	btoa(`${PROXY_USER}:${PROXY_PASSWORD}`),
];

/** The only form in which a key may appear in errors, logs and recordings: 'sk-...' + its last 4 characters. */
export function fingerprint(key: string): string {
	return `sk-...${key.slice(-4)}`;
}
