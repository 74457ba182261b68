'use strict';
/**
 * One n8n credential per kind of key the nodes meet, all pointing at the test server. Workflows under
 * workflows/ name them by these ids. The keys are the test server's fake fixtures.
 */
function e2eCredentials(baseUrl, F) {
	const credential = (id, name, apiKey, organizationId = '') => ({
		id,
		name,
		type: 'openAiOrgApi',
		data: { apiKey, organizationId, projectId: '', baseUrl },
	});
	const adminCredential = (id, name, apiKey, organizationId = '') => ({
		id,
		name,
		type: 'openAiAdminApi',
		data: { apiKey, organizationId, baseUrl },
	});
	return [
		adminCredential('e2eAdminApiAcme1', 'E2E OpenAI Admin API (Acme)', F.ADMIN_KEY_ACME),
		adminCredential('e2eAdminApiProj1', 'E2E OpenAI Admin API holding a project key', F.PROJECT_KEY_ACME),
		adminCredential('e2eAdminApiGlbx1', 'E2E OpenAI Admin API (Globex, audit logging off)', F.ADMIN_KEY_GLOBEX),
		// The Organization credentials below: chat, and OpenAI Projects nodes of version 1 (workflows built before
		// the Admin credential existed, which must keep running).
		credential('e2eAdminAcme0001', 'E2E admin key (Acme)', F.ADMIN_KEY_ACME),
		credential('e2eAdminAcmeOrg1', 'E2E admin key (Acme) with its organization', F.ADMIN_KEY_ACME, F.ORG_ACME),
		credential('e2eAdminWrongOrg', 'E2E admin key (Acme) with Globex organization', F.ADMIN_KEY_ACME, F.ORG_GLOBEX),
		credential('e2eAdminGlobex01', 'E2E admin key (Globex)', F.ADMIN_KEY_GLOBEX),
		credential('e2eProjectKey001', 'E2E project key (Acme)', F.PROJECT_KEY_ACME),
		credential('e2eUserKeyGlobex', 'E2E user key with Globex organization', F.USER_KEY_MULTI, F.ORG_GLOBEX),
		credential('e2eUserWrongOrg1', 'E2E Acme-only user key with Globex organization', F.USER_KEY_ACME_ONLY, F.ORG_GLOBEX),
		credential('e2eBadKey0000001', 'E2E unknown key', F.BAD_KEY),
		// n8n's own OpenAI credential, for its OpenAI Chat Model under an AI Agent that calls our nodes as tools.
		{
			id: 'e2eN8nOpenAiApi1',
			name: 'E2E n8n OpenAI credential (Acme project key, test server)',
			type: 'openAiApi',
			data: { apiKey: F.PROJECT_KEY_ACME, organizationId: '', url: baseUrl, header: false },
		},
	];
}

/**
 * Which credential of a type the examples get, where the suite has several of it: the Admin key of Acme, and for
 * chat Acme's project key. Which type each node takes comes from its description (lib/nodeCredentials.js).
 */
const EXAMPLE_CREDENTIAL_OF_TYPE = {
	openAiAdminApi: 'e2eAdminApiAcme1',
	openAiOrgApi: 'e2eProjectKey001',
};

module.exports = { e2eCredentials, EXAMPLE_CREDENTIAL_OF_TYPE };
