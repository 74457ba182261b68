import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getProjects } from '../../../nodes/shared/methods/loadOptions';
import { ADMIN_KEY_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import { PROJECTS_PATH, requestsTo, reportServerOptions } from './support';
import { serveTestServer } from '../testServer';

function loadOptionsContext(server: OpenAiTestServer): ILoadOptionsFunctions {
	return pickerContext({ credential: { apiKey: ADMIN_KEY_ACME, baseUrl: server.url } });
}

describe('The project picker of the cost and usage reports (getProjects)', () => {
	let server: OpenAiTestServer;

	serveTestServer(reportServerOptions(), (started) => (server = started));

	it('offers every project by name, archived ones marked "(archived)" and listed last', async () => {
		const options = await getProjects.call(loadOptionsContext(server));

		const archived = server.state.projects.find((project) => project.name === 'Old Pilot')!;
		const active = server.state.projects.filter(
			(project) => project.organizationId === archived.organizationId && project.archivedAt === null,
		);
		expect(options).toHaveLength(active.length + 1);
		expect(options[options.length - 1]).toEqual({ name: 'Old Pilot (archived)', value: archived.id });
		expect(options.slice(0, -1).map((option) => option.name)).toEqual(active.map((project) => project.name).sort((a, b) => a.localeCompare(b)));
		expect(requestsTo(server, PROJECTS_PATH)[0].query.include_archived).toBe('true');
	});
});
