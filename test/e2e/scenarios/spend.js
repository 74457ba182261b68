'use strict';
/**
 * A project's spend limit, spend alert, rate limit and hosted tools, set inside a real n8n: amounts typed in dollars
 * reach the API in cents, and come back out as both.
 */
const { itemsJson, why, succeeded } = require('../lib/expectations');

module.exports = [
	{
		workflow: 'spend-controls.json',
		async verify({ run, requests, check, server, F }) {
			check('the spend controls workflow runs', succeeded(run), why(run));
			const post = (suffix) => requests.find((r) => r.method === 'POST' && r.path === `/v1/organization/projects/${F.DEFAULT_PROJECT_ACME}/${suffix}`);
			const [limit] = itemsJson(run, 'Set Spend Limit');
			check('Set Spend Limit sends 250 dollars as 25000 cents and puts out both', post('spend_limit')?.body?.threshold_amount === 25000 && limit?.threshold_usd === 250 && limit?.threshold_amount_unit === 'cents', JSON.stringify(limit));
			const [alert] = itemsJson(run, 'Create Alert');
			check('Create Alert sends 1000 dollars as 100000 cents to both recipients', post('spend_alerts')?.body?.threshold_amount === 100000 && alert?.threshold_text === '$1,000.00 per month' && alert?.notification_channel?.recipients?.length === 2, JSON.stringify(alert));
			const [rate] = itemsJson(run, 'Lower gpt-4o');
			check('the rate limit found by model name is lowered to 500 requests a minute', post('rate_limits/rl-gpt-4o')?.body?.max_requests_per_1_minute === 500 && rate?.max_requests_per_1_minute === 500, JSON.stringify(rate));
			const [dry] = itemsJson(run, 'Delete Alert (Dry Run)');
			check('Delete with Dry Run shows the alert and deletes nothing', dry?.dryRun === true && dry?.wouldDelete === true && !requests.some((r) => r.method === 'DELETE'), JSON.stringify(dry));
			const state = await server.state();
			const controls = state.projectControls[F.DEFAULT_PROJECT_ACME];
			check('the server holds the limit, one alert, the lowered rate limit and web search off', controls?.spendLimit?.thresholdAmount === 25000 && controls?.spendAlerts?.length === 1 && controls?.hostedTools?.web_search === false, JSON.stringify(controls?.spendAlerts));
		},
	},
];
