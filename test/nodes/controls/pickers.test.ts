import { NodeOperationError } from 'n8n-workflow';

import { searchRateLimits, searchSpendAlerts } from '../../../nodes/OpenAiProjects/methods/listSearch';
import { ADMIN_KEY_ACME, DEFAULT_PROJECT_ACME } from '../../openai-server';
import type { OpenAiTestServer } from '../../openai-server';
import { pickerContext } from '../pickerContext';
import { serveTestServer } from '../testServer';

describe('the rate limit and spend alert pickers look inside the project picked above', () => {
	let server: OpenAiTestServer;
	serveTestServer({ projects: 1 }, (started) => (server = started));

	const inProject = (projectId: unknown) =>
		pickerContext({
			credential: { apiKey: ADMIN_KEY_ACME, organizationId: '', projectId: '', baseUrl: server.url },
			nodeParameters: { projectId },
		});

	test('rate limits are named by model and requests per minute, and the search narrows them', async () => {
		const all = await searchRateLimits.call(inProject(DEFAULT_PROJECT_ACME));
		expect(all.results).toHaveLength(11);
		expect(all.results[0]).toEqual({ name: 'gpt-4o (30,000 requests/min)', value: 'rl-gpt-4o' });
		const mini = await searchRateLimits.call(inProject({ __rl: true, mode: 'list', value: DEFAULT_PROJECT_ACME }), 'MINI');
		expect(mini.results.map((result) => result.value)).toEqual(['rl-gpt-4o-mini', 'rl-gpt-4.1-mini', 'rl-o3-mini']);
	});

	test('spend alerts are named by their amount in dollars and their recipients', async () => {
		await fetch(`${server.url}/organization/projects/${DEFAULT_PROJECT_ACME}/spend_alerts`, {
			method: 'POST',
			headers: { authorization: `Bearer ${ADMIN_KEY_ACME}`, 'content-type': 'application/json' },
			body: JSON.stringify({ threshold_amount: 150_000, currency: 'USD', interval: 'month', notification_channel: { type: 'email', recipients: ['finance@example.com'] } }),
		});
		const { results } = await searchSpendAlerts.call(inProject(DEFAULT_PROJECT_ACME));
		expect(results).toEqual([{ name: '$1,500.00 per month → finance@example.com', value: expect.stringMatching(/^alert_/) }]);
	});

	test('without a project picked, the picker asks for one', async () => {
		await expect(searchSpendAlerts.call(inProject(''))).rejects.toEqual(new NodeOperationError({} as never, 'Pick the project first'));
		expect(server.requests).toHaveLength(0);
	});
});
