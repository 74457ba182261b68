/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test code: the keys are fake fixtures */
import {
	findCredentialProblem,
	keyKind,
	readCredentialValues,
} from '../../nodes/shared/transport/credentials';
import { keyFingerprint, redactSecrets } from '../../nodes/shared/transport/redact';

const valid = { apiKey: 'sk-admin-abcdefghijklmnopqrstuvwxyz0123', organizationId: '', projectId: '', baseUrl: 'https://api.openai.com/v1' };

describe('credential values', () => {
	it('trims every value and drops a trailing slash from the base URL', () => {
		expect(
			readCredentialValues({ apiKey: '  sk-abc \n', organizationId: ' org-Abc ', projectId: ' proj_1 ', baseUrl: ' http://127.0.0.1:1/v1/ ' }),
		).toEqual({ apiKey: 'sk-abc', organizationId: 'org-Abc', projectId: 'proj_1', baseUrl: 'http://127.0.0.1:1/v1' });
	});

	it('falls back to the OpenAI API when no base URL is given', () => {
		expect(readCredentialValues({ apiKey: 'sk-x' }).baseUrl).toBe('https://api.openai.com/v1');
	});

	it('accepts a well-formed credential', () => {
		expect(findCredentialProblem(valid)).toBeUndefined();
		expect(findCredentialProblem({ ...valid, organizationId: 'org-AbC123', projectId: 'proj_AbC123' })).toBeUndefined();
	});

	it.each([
		[{ apiKey: '' }, 'no API Key'],
		[{ apiKey: 'sk-abc def' }, 'spaces or line breaks'],
		[{ organizationId: 'acme' }, 'not an organization ID'],
		[{ organizationId: 'proj_abc' }, 'not an organization ID'],
		[{ projectId: 'org-abc' }, 'not a project ID'],
		[{ baseUrl: 'api.openai.com/v1' }, 'not an http(s) address'],
		[{ baseUrl: 'ftp://example.com' }, 'not an http(s) address'],
	])('refuses %j before any request: "%s"', (change, expected) => {
		expect(findCredentialProblem({ ...valid, ...change })).toContain(expected);
	});

	it('tells the kinds of key apart by their prefix', () => {
		expect(keyKind('sk-admin-x')).toBe('admin');
		expect(keyKind('sk-proj-x')).toBe('project');
		expect(keyKind('sk-svcacct-x')).toBe('service account');
		expect(keyKind('sk-x')).toBe('user');
	});

	it('shows a key only as a fingerprint of its last four characters', () => {
		expect(keyFingerprint('sk-admin-abcdefghijklmnopqrstuvwxyz0123')).toBe('sk-...0123');
		expect(keyFingerprint('sk-proj-abcdefghijklmnopqrstuvwxyzWXYZ')).toBe('sk-...WXYZ');
		expect(keyFingerprint('')).toBe('(no key)');
	});

	it('redacts the given key and anything shaped like an OpenAI key from a text', () => {
		const key = 'sk-proj-abcdefghijklmnopqrstuvwxyz9876';
		const other = 'sk-ABCDEFGHIJKLMNOPQRSTUVWX1111';
		const text = redactSecrets(`used ${key} and ${other}`, key);
		expect(text).toBe('used sk-...9876 and sk-...1111');
		expect(text).not.toContain(key);
	});
});
