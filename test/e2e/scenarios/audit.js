'use strict';
/** Audit Logs > Get Many inside a real n8n: every page of a month of the generated world, and the "audit logging off" refusal. */
const { itemsJson, why, succeeded, failedWith, apiRequests } = require('../lib/expectations');

const DAY = 86_400;
const TYPES = ['api_key.created', 'project.created', 'project.archived'];

module.exports = [
	{
		workflow: 'audit-get-many.json',
		// 150 key creations two days ago on top of the generated world's month: several pages to follow.
		async before(server) {
			const twoDaysAgo = Math.floor(Date.now() / 1000) - 2 * DAY;
			await server.appendAuditEvents(Array.from({ length: 150 }, (_, index) => ({ type: 'api_key.created', effective_at: twoDaysAgo + index })));
		},
		async verify({ run, requests, check, server, F }) {
			check('Audit Logs > Get Many runs', succeeded(run), why(run));
			const items = itemsJson(run, 'Audit Log');
			const state = await server.state();
			const today = Math.floor(Date.now() / 1000 / DAY) * DAY;
			const from = today - 30 * DAY;
			const inRange = (time) => time !== null && time >= from && time < today;
			// What the world holds for those types in the range, worked out from the server's projects and keys.
			const acme = state.projects.filter((project) => project.organizationId === F.ORG_ACME && !project.isDefault);
			const expected =
				acme.filter((project) => inRange(project.createdAt)).length +
				acme.filter((project) => inRange(project.archivedAt)).length +
				acme.flatMap((project) => project.activity.keys).filter((key) => inRange(key.createdAt)).length +
				150;
			check(`Get Many returns every event of those types in the last 30 days (${expected})`, items.length === expected && expected > 150, `${items.length} items, expected ${expected}`);
			check('each item is one flat event with its payload', items.every((item) => TYPES.includes(item.type) && typeof item.effectiveAt === 'string' && item.payload && item.payload.id === item.resourceId));
			const pages = apiRequests(requests, 'GET', '/v1/organization/audit_logs');
			check('it read the pages one after another (100 per page, `after` = the last id)', pages.length === Math.ceil(items.length / 100) && pages.length >= 2 && pages.slice(1).every((page) => typeof page.query.after === 'string'), `${pages.length} requests for ${items.length} items`);
		},
	},
	{
		workflow: 'audit-logging-off.json',
		async verify({ run, check }) {
			check('Get Many where audit logging is off fails with the plain-words reason', failedWith(run, 'Audit Log', /^Audit logging is not enabled for this organization/), why(run));
			check('and says where to turn it on', (run.error?.description ?? '').includes('data-controls/data-retention'), run.error?.description);
		},
	},
];
