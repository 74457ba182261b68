import { ADMIN_KEY_ACME, ADMIN_KEY_GLOBEX, ORG_ACME, ORG_GLOBEX, PROJECT_GLOBEX_ARCHIVED, PROJECT_GLOBEX_RESEARCH } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { ORGANIZATION_RETENTION_TYPES, PROJECT_RETENTION_TYPES } from '../../../nodes/shared/resources/contractEnums';
import { OpenAiOrganization } from '../../../nodes/OpenAiOrganization/OpenAiOrganization.node';
import { OpenAiProjects } from '../../../nodes/OpenAiProjects/OpenAiProjects.node';
import { serveTestServer } from '../testServer';
import { nodeResult, runNode } from '../workflowHelpers';
import { outputOf, requestsTo, runOrganization } from './support';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const globex = { apiKey: ADMIN_KEY_GLOBEX };

/** The "Retention Type" choices a node shows for "Data Retention → Update". */
function retentionChoices(properties: Array<{ name: string; displayOptions?: { show?: Record<string, unknown> }; options?: Array<{ value?: unknown }> }>) {
	const field = properties.find((property) => property.name === 'retentionType')!;
	return field.options!.map((option) => option.value).sort();
}

describe('Data Retention: the organization\'s (OpenAI Organization) and a project\'s (OpenAI Projects)', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 2 }, (started) => (server = started));

	it('each node offers exactly the values the contract lists for it', () => {
		expect(retentionChoices(new OpenAiOrganization().description.properties as never)).toEqual([...ORGANIZATION_RETENTION_TYPES].sort());
		expect(retentionChoices(new OpenAiProjects().description.properties as never)).toEqual([...PROJECT_RETENTION_TYPES].sort());
		expect(PROJECT_RETENTION_TYPES).toEqual(expect.arrayContaining(['organization_default', 'none', ...ORGANIZATION_RETENTION_TYPES]));
	});

	it('reads and sets the organization\'s setting; a second run with the same value sends no change', async () => {
		expect(await outputOf(server, { resource: 'dataRetention', operation: 'get' })).toEqual([{ object: 'organization.data_retention', type: 'modified_abuse_monitoring' }]);
		const set = await outputOf(server, { resource: 'dataRetention', operation: 'update', retentionType: 'zero_data_retention' });
		expect(set).toEqual([{ object: 'organization.data_retention', type: 'zero_data_retention', changed: true, previousType: 'modified_abuse_monitoring' }]);
		expect(requestsTo(server, 'POST', '/v1/organization/data_retention')[0].body).toEqual({ retention_type: 'zero_data_retention' });
		expect(server.state.organizationControls[ORG_ACME].dataRetention).toBe('zero_data_retention');

		server.clearRequests();
		const again = await outputOf(server, { resource: 'dataRetention', operation: 'update', retentionType: 'zero_data_retention' });
		expect(again[0]).toEqual(expect.objectContaining({ changed: false, type: 'zero_data_retention' }));
		expect(requestsTo(server, 'POST', '/v1/organization/data_retention')).toHaveLength(0);
	});

	it('a value outside the contract (from an expression) is refused before any request, naming the values', async () => {
		const result = await runOrganization(server, { resource: 'dataRetention', operation: 'update', retentionType: '={{ "forever" }}' });
		expect(nodeResult(result).error?.message).toBe('"Retention Type" must be one of OpenAI\'s settings, not "forever"');
		expect(nodeResult(result).error?.description).toBe(`Pick one from the list, or send one of: ${ORGANIZATION_RETENTION_TYPES.join(', ')}.`);
		expect(server.requests).toHaveLength(0);
	});

	describe('a project', () => {
		const project = (operation: string, projectId: string, parameters: Record<string, unknown> = {}) =>
			runNode(server, { parameters: { resource: 'dataRetention', operation, projectId: byId(projectId), ...parameters }, credential: globex });

		it('follows its organization until given its own setting', async () => {
			expect(nodeResult(await project('get', PROJECT_GLOBEX_RESEARCH)).items).toEqual([
				{ project_id: PROJECT_GLOBEX_RESEARCH, object: 'project.data_retention', type: 'organization_default' },
			]);
			const set = await project('update', PROJECT_GLOBEX_RESEARCH, { retentionType: 'none' });
			expect(nodeResult(set).items[0]).toEqual({
				project_id: PROJECT_GLOBEX_RESEARCH,
				object: 'project.data_retention',
				type: 'none',
				changed: true,
				previousType: 'organization_default',
			});
			expect(server.state.organizationControls[ORG_GLOBEX].projectRetention[PROJECT_GLOBEX_RESEARCH]).toBe('none');
		});

		it('an archived project is refused in plain words', async () => {
			const result = await project('update', PROJECT_GLOBEX_ARCHIVED, { retentionType: 'zero_data_retention' });
			expect(result.error?.message).toBe(`Project ${PROJECT_GLOBEX_ARCHIVED} is archived, and archived projects cannot be changed`);
		});

		it('a project of another organization is not found', async () => {
			const result = await runNode(server, {
				parameters: { resource: 'dataRetention', operation: 'get', projectId: byId(PROJECT_GLOBEX_RESEARCH) },
				credential: { apiKey: ADMIN_KEY_ACME },
			});
			expect(result.error?.message).toBe(`Project ${PROJECT_GLOBEX_RESEARCH} was not found in this organization`);
		});
	});
});
