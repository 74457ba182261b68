import { ADMIN_KEY_ACME, CERTIFICATE_ACME_GATEWAY, CERTIFICATE_ACME_PARTNER, DEFAULT_PROJECT_ACME, PROJECT_GLOBEX_ARCHIVED, ADMIN_KEY_GLOBEX } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { serveTestServer } from '../testServer';
import { nodeResult, runNode } from '../workflowHelpers';
import { activeProjects, byId, changes } from './support';

describe('OpenAI Projects: Project Certificate', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 4, seed: 34 }, (started) => (server = started));

	const run = async (parameters: Record<string, unknown>, options: { inputItems?: Array<Record<string, unknown>>; apiKey?: string } = {}) =>
		await runNode(server, {
			parameters: { resource: 'projectCertificate', ...parameters },
			credential: { apiKey: options.apiKey ?? ADMIN_KEY_ACME },
			inputItems: options.inputItems,
		});
	const output = async (parameters: Record<string, unknown>, options: Parameters<typeof run>[1] = {}) => {
		const node = nodeResult(await run(parameters, options));
		if (node.error) throw new Error(`${node.error.message}\n${node.error.description ?? ''}`);
		return node.items;
	};
	const activeIn = (id: string) => server.state.certificates.find((certificate) => certificate.id === id)?.activeInProjects;

	it('Get Many lists the organization\'s certificates, each active in the project or not', async () => {
		const items = await output({ operation: 'getAll', projectId: byId(DEFAULT_PROJECT_ACME), returnAll: true });
		expect(items.map((item) => [item.id, item.active, item.projectId])).toEqual([
			[CERTIFICATE_ACME_PARTNER, true, DEFAULT_PROJECT_ACME],
			[CERTIFICATE_ACME_GATEWAY, false, DEFAULT_PROJECT_ACME],
		]);
		expect(items[0]).toMatchObject({ object: 'organization.project.certificate', expiresAtIso: expect.stringMatching(/Z$/) });
	});

	it('Activate turns a certificate on in one project only', async () => {
		const project = activeProjects(server)[0];
		const [item] = await output({ operation: 'activate', projectId: byId(project.id), certificateId: byId(CERTIFICATE_ACME_GATEWAY) });
		expect(item).toMatchObject({ id: CERTIFICATE_ACME_GATEWAY, active: true, projectId: project.id });
		expect(changes(server)[0]).toMatchObject({ path: `/v1/organization/projects/${project.id}/certificates/activate`, body: { certificate_ids: [CERTIFICATE_ACME_GATEWAY] } });
		expect(activeIn(CERTIFICATE_ACME_GATEWAY)).toEqual([project.id]);
	});

	it('Deactivate: Dry Run changes nothing; live it turns the certificate off in the project; already off is reported', async () => {
		const deactivate = { operation: 'deactivate', projectId: byId(DEFAULT_PROJECT_ACME), certificateId: byId('={{ $json.id }}') };
		const [plan] = await output({ ...deactivate, dryRun: true }, { inputItems: [{ id: CERTIFICATE_ACME_PARTNER }] });
		expect(plan).toMatchObject({ dryRun: true, wouldDeactivate: true, plan: `Would deactivate certificate "Partner mTLS" (${CERTIFICATE_ACME_PARTNER}) in project ${DEFAULT_PROJECT_ACME}` });
		expect(changes(server)).toEqual([]);

		const [done] = await output(deactivate, { inputItems: [{ id: CERTIFICATE_ACME_PARTNER }] });
		expect(done).toMatchObject({ id: CERTIFICATE_ACME_PARTNER, active: false, projectId: DEFAULT_PROJECT_ACME });
		expect(activeIn(CERTIFICATE_ACME_PARTNER)).toEqual([]);

		const [again] = await output(deactivate, { inputItems: [{ id: CERTIFICATE_ACME_PARTNER }] });
		expect(again.message).toBe(`the certificate is not active in project ${DEFAULT_PROJECT_ACME}`);
		expect(changes(server)).toHaveLength(1);
	});

	it('Deactivate checks every item first: an unknown certificate stops the run before any change', async () => {
		const node = nodeResult(
			await run({ operation: 'deactivate', projectId: byId(DEFAULT_PROJECT_ACME), certificateId: byId('={{ $json.id }}') }, {
				inputItems: [{ id: CERTIFICATE_ACME_PARTNER }, { id: 'cert_doesNotExist0001' }],
			}),
		);
		expect(node.error?.message).toMatch(/certificate cert_doesNotExist0001/i);
		expect(changes(server)).toEqual([]);
		expect(activeIn(CERTIFICATE_ACME_PARTNER)).toEqual([DEFAULT_PROJECT_ACME]);
	});

	it('an archived project is refused in OpenAI\'s words', async () => {
		const node = nodeResult(await run({ operation: 'getAll', projectId: byId(PROJECT_GLOBEX_ARCHIVED), returnAll: true }, { apiKey: ADMIN_KEY_GLOBEX }));
		expect(node.error?.message).toMatch(/archived/i);
	});
});
