import { redactSecrets } from '../../nodes/shared/transport/redact';
import { findCredentialProblem, readCredentialValues } from '../../nodes/shared/transport/credentials';
import { ADMIN_KEY_ACME, PROXY_PASSWORD, PROXY_USER } from '../openai-server';

const baseUrl = `http://${PROXY_USER}:${PROXY_PASSWORD}@proxy.example:3128/v1`;

describe('redactSecrets, the one redaction of the error table', () => {
	test('replaces the request key and any key-shaped text with a fingerprint', () => {
		expect(redactSecrets(`key ${ADMIN_KEY_ACME} and sk-abcdefghijklmnopqrstuvwxyz1234`, { apiKey: ADMIN_KEY_ACME })).toBe(
			`key sk-...${ADMIN_KEY_ACME.slice(-4)} and sk-...1234`,
		);
	});

	test('hides the password of any URL but keeps the user name and host', () => {
		expect(redactSecrets(`Could not reach OpenAI at ${baseUrl}`)).toBe(
			`Could not reach OpenAI at http://${PROXY_USER}:***@proxy.example:3128/v1`,
		);
		expect(redactSecrets('see https://a:b@c.example/x and ftp://u:p%40ss@h/')).toBe(
			'see https://a:***@c.example/x and ftp://u:***@h/',
		);
	});

	test('hides the Base URL password wherever else it is repeated, plain or URL-encoded', () => {
		const encoded = `http://${PROXY_USER}:p%40ss-w0rd@h/v1`;
		expect(redactSecrets(`login "${PROXY_USER}:${PROXY_PASSWORD}" refused`, { baseUrl })).not.toContain(PROXY_PASSWORD);
		expect(redactSecrets('the password p@ss-w0rd is wrong', { baseUrl: encoded })).toBe('the password *** is wrong');
	});

	test.each([
		['Authorization: Bearer abcdef123456', 'Authorization: Bearer ***'],
		['"authorization":"Basic dXNlcjpwYXNzd29yZA=="', '"authorization":"Basic ***"'],
		['Proxy-Authorization: Basic dXNlcjpwYXNz', 'Proxy-Authorization: Basic ***'],
		['cookie=session-123456; path=/', 'cookie=***; path=/'],
		['x-api-key: 0123456789abcdef', 'x-api-key: ***'],
		['sent Bearer token-abcdef to the proxy', 'sent Bearer *** to the proxy'],
	])('hides a secret header value: %s', (text, expected) => {
		expect(redactSecrets(text)).toBe(expected);
	});

	test('leaves ordinary text alone', () => {
		const text = 'OpenAI had a server error (HTTP 502) at https://api.openai.com/v1 after 2 retries';
		expect(redactSecrets(text, { apiKey: ADMIN_KEY_ACME, baseUrl: 'https://api.openai.com/v1' })).toBe(text);
	});
});

describe('a Base URL with a login', () => {
	test('is refused with the fix, its password hidden', () => {
		const problem = findCredentialProblem(readCredentialValues({ apiKey: ADMIN_KEY_ACME, baseUrl }));
		expect(problem).toContain('The Base URL contains a user name or password');
		expect(problem).toContain(`http://${PROXY_USER}:***@proxy.example:3128/v1`);
		expect(problem).toContain('HTTP_PROXY');
		expect(problem).not.toContain(PROXY_PASSWORD);
	});

	test('is refused with a user name alone too (n8n would still send it as Basic authentication)', () => {
		expect(findCredentialProblem(readCredentialValues({ apiKey: ADMIN_KEY_ACME, baseUrl: 'http://someone@h/v1' }))).toContain(
			'contains a user name or password',
		);
	});
});
