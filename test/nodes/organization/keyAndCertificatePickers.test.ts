import { searchAdminApiKeys, searchCertificates } from '../../../nodes/OpenAiOrganization/methods/listSearch';
import { searchCertificates as searchProjectCertificates } from '../../../nodes/OpenAiProjects/methods/listSearch';
import { ADMIN_KEY_ACME, ADMIN_KEY_ACME_CI_ID, CERTIFICATE_ACME_GATEWAY, CERTIFICATE_ACME_PARTNER } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';

describe('the Admin key and certificate pickers', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 2, seed: 35 }, (started) => (server = started));

	const context = (type: string) =>
		pickerContext({ credential: { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url }, node: { name: 'Node', type } });

	it('finds an Admin key by part of its name or ID, named with its redacted value, never the key', async () => {
		for (const typed of ['ci ADMIN', ADMIN_KEY_ACME_CI_ID.slice(0, 10)]) {
			const { results } = await searchAdminApiKeys.call(context('openAiOrganization'), typed);
			expect(results).toEqual([{ name: 'CI admin key (sk-admin...q7x)', value: ADMIN_KEY_ACME_CI_ID }]);
		}
		const all = await searchAdminApiKeys.call(context('openAiOrganization'));
		expect(all.results).toHaveLength(2);
		expect(JSON.stringify(all)).not.toContain(ADMIN_KEY_ACME);
	});

	it('finds a certificate by name in either node, saying which is active in the organization', async () => {
		const { results } = await searchCertificates.call(context('openAiOrganization'), 'gateway');
		expect(results).toEqual([{ name: 'Gateway mTLS (active in the organization)', value: CERTIFICATE_ACME_GATEWAY }]);
		const inProjects = await searchProjectCertificates.call(context('openAiProjects'), 'partner');
		expect(inProjects.results).toEqual([{ name: 'Partner mTLS', value: CERTIFICATE_ACME_PARTNER }]);
	});
});
