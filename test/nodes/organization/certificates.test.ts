import {
	CERTIFICATE_ACME_GATEWAY,
	CERTIFICATE_ACME_PARTNER,
	CERTIFICATE_PEM_PARTNER,
	DEFAULT_PROJECT_ACME,
} from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult } from '../workflowHelpers';
import { byIdFromInput, outputOf, requestsTo, runOrganization } from './support';

const LIST_PATH = '/v1/organization/certificates';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('OpenAI Organization: Certificate', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 3, seed: 32 }, (started) => (server = started));

	const certificate = (id: string) => server.state.certificates.find((candidate) => candidate.id === id);
	const changes = () => server.requests.filter((request) => request.method !== 'GET');
	const upload = async (name: string) =>
		(await outputOf(server, { resource: 'certificate', operation: 'upload', name, certificate: CERTIFICATE_PEM_PARTNER }))[0];

	it('Get Many lists the certificates newest first, each active in the organization or not, with ISO validity dates', async () => {
		const all = await outputOf(server, { resource: 'certificate', operation: 'getAll', returnAll: true });
		expect(all.map((item) => [item.id, item.active])).toEqual([
			[CERTIFICATE_ACME_PARTNER, false],
			[CERTIFICATE_ACME_GATEWAY, true],
		]);
		expect(all[1]).toMatchObject({ name: 'Gateway mTLS', validAtIso: expect.stringMatching(/Z$/), expiresAtIso: expect.stringMatching(/Z$/) });
		expect(await outputOf(server, { resource: 'certificate', operation: 'getAll', limit: 1 })).toHaveLength(1);
	});

	it('Get reads one, with its PEM only when asked', async () => {
		const [plain] = await outputOf(server, { resource: 'certificate', operation: 'get', certificateId: byId(CERTIFICATE_ACME_GATEWAY) });
		expect(plain).toMatchObject({ object: 'certificate', id: CERTIFICATE_ACME_GATEWAY });
		expect((plain.certificate_details as Record<string, unknown>).content).toBeUndefined();
		const [full] = await outputOf(server, { resource: 'certificate', operation: 'get', certificateId: byId(CERTIFICATE_ACME_GATEWAY), includeContent: true });
		expect((full.certificate_details as Record<string, unknown>).content).toContain('BEGIN CERTIFICATE');
	});

	it('Upload sends the PEM and name, inactive; Rename changes only the name', async () => {
		const uploaded = await upload('Partner 2027');
		expect(uploaded).toMatchObject({ object: 'certificate', name: 'Partner 2027', id: expect.stringMatching(/^cert_/) });
		expect(requestsTo(server, 'POST', LIST_PATH)[0].body).toEqual({ name: 'Partner 2027', certificate: CERTIFICATE_PEM_PARTNER.trim() });
		expect(certificate(String(uploaded.id))).toMatchObject({ activeInOrganization: false, activeInProjects: [] });

		const [renamed] = await outputOf(server, { resource: 'certificate', operation: 'rename', certificateId: byId(String(uploaded.id)), newName: 'Partner 2028' });
		expect(renamed).toMatchObject({ id: uploaded.id, name: 'Partner 2028' });
		expect(requestsTo(server, 'POST', `${LIST_PATH}/${String(uploaded.id)}`)[0].body).toEqual({ name: 'Partner 2028' });
	});

	it('Upload after a lost answer finds the certificate it uploaded instead of uploading a second one', async () => {
		server.faults.add({ kind: 'reset_after', method: 'POST', path: LIST_PATH, times: 1 });
		const uploaded = await upload('Lost on the way');
		expect(uploaded).toMatchObject({ name: 'Lost on the way', recoveredAfterLostResponse: true });
		expect(requestsTo(server, 'POST', LIST_PATH)).toHaveLength(1);
		expect(server.state.certificates.filter((candidate) => candidate.name === 'Lost on the way')).toHaveLength(1);
	});

	it('bad input is refused before any request: no PEM, a private key, an empty new name', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ operation: 'upload', certificate: 'hello' }, '"Certificate (PEM)" is not one PEM certificate'],
			[{ operation: 'upload', certificate: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }, '"Certificate (PEM)" holds a private key: nothing was uploaded'],
			[{ operation: 'rename', certificateId: byId(CERTIFICATE_ACME_GATEWAY), newName: ' ' }, '"New Name" is empty: enter the certificate\'s new name'],
			[{ operation: 'get', certificateId: byId('={{ "Gateway" }}') }, '"Certificate" must be a certificate ID like cert_abc123, not "Gateway"'],
		];
		for (const [parameters, message] of cases) {
			const result = await runOrganization(server, { resource: 'certificate', ...parameters });
			const node = nodeResult(result);
			expect(node.error?.message).toBe(message);
		}
		expect(server.requests).toEqual([]);
	});

	it('Activate turns a certificate on in the organization, and again changes nothing', async () => {
		const uploaded = await upload('To activate');
		for (let run = 0; run < 2; run++) {
			const [item] = await outputOf(server, { resource: 'certificate', operation: 'activate', certificateId: byId(String(uploaded.id)) });
			expect(item).toMatchObject({ object: 'organization.certificate', id: uploaded.id, active: true });
		}
		expect(requestsTo(server, 'POST', `${LIST_PATH}/activate`).map((request) => request.body)).toEqual([
			{ certificate_ids: [uploaded.id] },
			{ certificate_ids: [uploaded.id] },
		]);
		expect(certificate(String(uploaded.id))?.activeInOrganization).toBe(true);
	});

	it('Deactivate: Dry Run plans and changes nothing; live it turns the certificate off; one already off is reported, not sent', async () => {
		const deactivate = { resource: 'certificate', operation: 'deactivate', certificateId: byIdFromInput };
		const [plan] = await outputOf(server, { ...deactivate, dryRun: true, reason: 'expires soon' }, { inputItems: [{ id: CERTIFICATE_ACME_GATEWAY }] });
		expect(plan).toMatchObject({ dryRun: true, wouldDeactivate: true, plan: `Would deactivate certificate "Gateway mTLS" (${CERTIFICATE_ACME_GATEWAY}) in the organization: expires soon` });
		expect(changes()).toEqual([]);

		const [done] = await outputOf(server, deactivate, { inputItems: [{ id: CERTIFICATE_ACME_GATEWAY }] });
		expect(done).toMatchObject({ id: CERTIFICATE_ACME_GATEWAY, active: false, object: 'organization.certificate' });
		expect(certificate(CERTIFICATE_ACME_GATEWAY)?.activeInOrganization).toBe(false);

		server.clearRequests();
		const [again] = await outputOf(server, deactivate, { inputItems: [{ id: CERTIFICATE_ACME_GATEWAY }] });
		expect(again.message).toBe('the certificate is not active in the organization');
		expect(changes()).toEqual([]);
	});

	it('Deactivate stops at Max per Run before any change', async () => {
		const node = nodeResult(
			await runOrganization(server, { resource: 'certificate', operation: 'deactivate', certificateId: byIdFromInput, maxPerRun: 1 }, {
				inputItems: [{ id: CERTIFICATE_ACME_GATEWAY }, { id: CERTIFICATE_ACME_PARTNER }],
			}),
		);
		expect(node.error?.message).toMatch(/more than "Max Certificates per Run" \(1\); nothing was deactivated$/);
		expect(changes()).toEqual([]);
	});

	it('Delete refuses a certificate active in the organization before any request, and deletes an inactive one', async () => {
		const remove = { resource: 'certificate', operation: 'delete', certificateId: byIdFromInput };
		const uploaded = await upload('Short-lived');
		server.clearRequests();
		const refused = nodeResult(await runOrganization(server, remove, { inputItems: [{ id: uploaded.id }, { id: CERTIFICATE_ACME_GATEWAY }] }));
		expect(refused.error?.message).toBe(`Certificate "Gateway mTLS" (${CERTIFICATE_ACME_GATEWAY}) is active in the organization; nothing was deleted`);
		expect(refused.error?.description).toContain('Deactivate it first');
		expect(changes()).toEqual([]);

		const [plan] = await outputOf(server, { ...remove, dryRun: true }, { inputItems: [{ id: uploaded.id }] });
		expect(plan).toMatchObject({ wouldDelete: true, plan: `Would delete certificate "Short-lived" (${String(uploaded.id)})` });
		const [done] = await outputOf(server, remove, { inputItems: [{ id: uploaded.id }] });
		expect(done).toMatchObject({ id: uploaded.id, object: 'certificate.deleted', deleted: true });
		expect(certificate(String(uploaded.id))).toBeUndefined();
	});

	it('Delete of a certificate still active in a project explains OpenAI\'s refusal and names the fix', async () => {
		const node = nodeResult(await runOrganization(server, { resource: 'certificate', operation: 'delete', certificateId: byId(CERTIFICATE_ACME_PARTNER) }));
		expect(node.error?.message).toBe('The certificate is still active, so OpenAI keeps it');
		expect(node.error?.description).toContain('OpenAI Projects &gt; Project Certificate &gt; Deactivate');
		expect(node.error?.description).toContain(DEFAULT_PROJECT_ACME);
		expect(certificate(CERTIFICATE_ACME_PARTNER)).toBeDefined();
	});
});
