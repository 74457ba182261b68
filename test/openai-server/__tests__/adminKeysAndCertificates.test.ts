/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n */
import {
	ADMIN_KEY_ACME,
	ADMIN_KEY_ACME_CI_ID,
	ADMIN_KEY_ACME_ID,
	ADMIN_KEY_GLOBEX,
	CERTIFICATE_ACME_GATEWAY,
	CERTIFICATE_ACME_PARTNER,
	CERTIFICATE_PEM_GATEWAY,
	DEFAULT_PROJECT_ACME,
	PROJECT_GLOBEX_ARCHIVED,
	PROJECT_KEY_ACME,
	startOpenAiTestServer,
} from '..';
import type { OpenAiTestServer } from '..';
import { call } from './client';

// Every answer is checked against the contract by `call`.
describe('admin API keys, certificates and a service account\'s update', () => {
	let server: OpenAiTestServer;
	beforeAll(async () => (server = await startOpenAiTestServer({ projects: 3, seed: 5 })));
	afterEach(() => server.reset());
	afterAll(async () => await server.close());
	const admin = { key: ADMIN_KEY_ACME };

	test('admin keys: listed redacted, created with the value once, the new key works, a deleted key stops working', async () => {
		const listed = await call(server, 'GET', '/organization/admin_api_keys', admin);
		expect(listed.body.data.map((key: { id: string }) => key.id)).toEqual([ADMIN_KEY_ACME_ID, ADMIN_KEY_ACME_CI_ID]);
		expect(listed.body.data[0].redacted_value).toBe(`sk-admin...${ADMIN_KEY_ACME.slice(-3)}`);
		expect(JSON.stringify(listed.body)).not.toContain(ADMIN_KEY_ACME);
		expect((await call(server, 'GET', '/organization/admin_api_keys', { ...admin, query: { order: 'desc' } })).body.data[0].id).toBe(ADMIN_KEY_ACME_CI_ID);
		expect((await call(server, 'GET', '/organization/admin_api_keys', { key: ADMIN_KEY_GLOBEX })).body.data).toHaveLength(1);

		const created = await call(server, 'POST', '/organization/admin_api_keys', { ...admin, body: { name: 'Rotation', expires_in_seconds: 3600 } });
		expect(created.body).toMatchObject({ object: 'organization.admin_api_key', name: 'Rotation', value: expect.stringMatching(/^sk-admin-/) });
		expect(created.body.expires_at).toBe(created.body.created_at + 3600);
		const value = created.body.value as string;
		expect((await call(server, 'GET', `/organization/admin_api_keys/${created.body.id}`, { key: value })).body).not.toHaveProperty('value');
		expect((await call(server, 'POST', '/organization/admin_api_keys', { ...admin, body: {} })).status).toBe(400);
		expect((await call(server, 'POST', '/organization/admin_api_keys', { ...admin, body: { name: 'x', expires_in_seconds: 0 } })).status).toBe(400);

		const deleted = await call(server, 'DELETE', `/organization/admin_api_keys/${created.body.id}`, admin);
		expect(deleted.body).toEqual({ id: created.body.id, object: 'organization.admin_api_key.deleted', deleted: true });
		expect((await call(server, 'GET', '/organization/admin_api_keys', { key: value })).status).toBe(401);
		expect((await call(server, 'GET', `/organization/admin_api_keys/${ADMIN_KEY_ACME_ID}`, { key: ADMIN_KEY_GLOBEX })).status).toBe(404);
		expect((await call(server, 'GET', '/organization/admin_api_keys', { key: PROJECT_KEY_ACME })).status).toBe(401);
	});

	test('certificates: upload inactive, activate in the organization and a project, rename; delete only when inactive everywhere', async () => {
		const listed = await call(server, 'GET', '/organization/certificates', admin);
		expect(listed.body.data.map((certificate: { id: string; active: boolean }) => [certificate.id, certificate.active])).toEqual([
			[CERTIFICATE_ACME_PARTNER, false],
			[CERTIFICATE_ACME_GATEWAY, true],
		]);
		const inProject = await call(server, 'GET', `/organization/projects/${DEFAULT_PROJECT_ACME}/certificates`, admin);
		expect(inProject.body.data[0]).toMatchObject({ object: 'organization.project.certificate', id: CERTIFICATE_ACME_PARTNER, active: true });

		expect((await call(server, 'POST', '/organization/certificates', { ...admin, body: { certificate: 'not a pem' } })).status).toBe(400);
		const uploaded = await call(server, 'POST', '/organization/certificates', { ...admin, body: { name: 'New', certificate: CERTIFICATE_PEM_GATEWAY } });
		expect(uploaded.body).toMatchObject({ object: 'certificate', name: 'New', certificate_details: { valid_at: expect.any(Number) } });
		expect(uploaded.body).not.toHaveProperty('active');
		const id = uploaded.body.id as string;
		const withContent = await call(server, 'GET', `/organization/certificates/${id}`, { ...admin, query: { 'include[]': 'content' } });
		expect(withContent.body.certificate_details.content).toContain('BEGIN CERTIFICATE');
		expect((await call(server, 'POST', `/organization/certificates/${id}`, { ...admin, body: { name: 'Renamed' } })).body.name).toBe('Renamed');

		const activated = await call(server, 'POST', '/organization/certificates/activate', { ...admin, body: { certificate_ids: [id] } });
		expect(activated.body).toEqual({ object: 'organization.certificate.activation', data: [expect.objectContaining({ id, active: true })] });
		await call(server, 'POST', `/organization/projects/${DEFAULT_PROJECT_ACME}/certificates/activate`, { ...admin, body: { certificate_ids: [id] } });
		expect((await call(server, 'DELETE', `/organization/certificates/${id}`, admin)).body.error.code).toBe('certificate_active');
		await call(server, 'POST', '/organization/certificates/deactivate', { ...admin, body: { certificate_ids: [id] } });
		expect((await call(server, 'DELETE', `/organization/certificates/${id}`, admin)).body.error.message).toContain(DEFAULT_PROJECT_ACME);
		const off = await call(server, 'POST', `/organization/projects/${DEFAULT_PROJECT_ACME}/certificates/deactivate`, { ...admin, body: { certificate_ids: [id] } });
		expect(off.body).toEqual({ object: 'organization.project.certificate.deactivation', data: [expect.objectContaining({ id, active: false })] });
		expect((await call(server, 'DELETE', `/organization/certificates/${id}`, admin)).body).toEqual({ object: 'certificate.deleted', id });
		expect((await call(server, 'GET', `/organization/certificates/${id}`, admin)).status).toBe(404);

		expect((await call(server, 'POST', '/organization/certificates/activate', { ...admin, body: { certificate_ids: [] } })).status).toBe(400);
		expect((await call(server, 'POST', '/organization/certificates/activate', { ...admin, body: { certificate_ids: ['cert_nope'] } })).status).toBe(404);
		expect((await call(server, 'GET', `/organization/certificates/${CERTIFICATE_ACME_GATEWAY}`, { key: ADMIN_KEY_GLOBEX })).status).toBe(404);
		expect((await call(server, 'GET', `/organization/projects/${PROJECT_GLOBEX_ARCHIVED}/certificates`, { key: ADMIN_KEY_GLOBEX })).status).toBe(400);
	});

	test('a service account is renamed and given another role; its keys carry the new name', async () => {
		const project = { id: DEFAULT_PROJECT_ACME };
		const account = (await call(server, 'POST', `/organization/projects/${project.id}/service_accounts`, { ...admin, body: { name: 'Bot' } })).body;
		const path = `/organization/projects/${project.id}/service_accounts/${account.id}`;
		const updated = await call(server, 'POST', path, { ...admin, body: { name: 'Deploy bot', role: 'owner' } });
		expect(updated.body).toMatchObject({ id: account.id, name: 'Deploy bot', role: 'owner' });
		const keys = await call(server, 'GET', `/organization/projects/${project.id}/api_keys`, admin);
		const owned = keys.body.data.filter((key: { owner: { service_account?: { id: string } } }) => key.owner.service_account?.id === account.id);
		expect(owned[0].owner.service_account.name).toBe('Deploy bot');
		expect((await call(server, 'POST', path, { ...admin, body: { role: 'admin' } })).status).toBe(400);
	});
});
