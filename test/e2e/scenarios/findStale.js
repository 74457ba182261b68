'use strict';
/**
 * Find Stale and a guarded Archive inside a real n8n, against the test server's generated world of 537 Acme
 * projects (spenders, free-only, single kinds on free credits, key-only, idle). What is stale is worked out here
 * from the server's own activity plans, independently of the node.
 */
const { itemsJson, why, succeeded } = require('../lib/expectations');

const DAY = 86_400;
const KINDS = ['completions', 'embeddings', 'moderations', 'images', 'audio_speeches', 'audio_transcriptions', 'vector_stores', 'code_interpreter_sessions', 'file_search_calls', 'web_search_calls'];

/** The truth about the Acme world for a window of `inactiveDays`, from the server's activity plans. */
function truth(state, F, inactiveDays, minimumAgeDays = 30) {
	const now = Date.now() / 1000;
	const windowStart = Math.floor(now / DAY) * DAY - inactiveDays * DAY;
	const acme = state.projects.filter((p) => p.organizationId === F.ORG_ACME && p.archivedAt === null);
	const usedInWindow = (p) => p.activity.lastUsageDay !== null && p.activity.lastUsageDay >= windowStart;
	const keyInWindow = (p) => p.activity.keys.some((key) => key.lastUsedAt !== null && key.lastUsedAt >= windowStart);
	const eligible = acme.filter((p) => !p.isDefault && Math.floor((now - p.createdAt) / DAY) >= minimumAgeDays);
	const candidates = eligible.filter((p) => !usedInWindow(p));
	return { acme, eligible, candidates, stale: candidates.filter((p) => !keyInWindow(p)), usedInWindow, keyInWindow };
}

module.exports = [
	{
		workflow: 'projects-find-stale.json',
		async verify({ run, requests, check, server, F }) {
			const items = itemsJson(run, 'Find Stale');
			const state = await server.state();
			const world = truth(state, F, 20);
			const listed = new Set(items.map((item) => item.id));
			check('Find Stale runs', succeeded(run), why(run));
			check('Find Stale lists exactly the idle projects of the world', listed.size === world.stale.length && world.stale.every((p) => listed.has(p.id)), `listed ${listed.size}, expected ${world.stale.length}`);
			check('the world has idle projects to find', world.stale.length > 10, `${world.stale.length}`);
			for (const kind of KINDS) {
				const only = world.eligible.filter((p) => !p.activity.billed && p.activity.usage.join() === kind && world.usedInWindow(p) && !world.keyInWindow(p));
				check(`usage of ${kind} alone (unbilled, no key used) keeps a project off the list`, only.length > 0 && only.every((p) => !listed.has(p.id)), `${only.length} such projects; listed: ${only.filter((p) => listed.has(p.id)).length}`);
			}
			const keyOnly = world.eligible.filter((p) => !world.usedInWindow(p) && world.keyInWindow(p));
			check('a recently used API key alone keeps a project off the list', keyOnly.length > 0 && keyOnly.every((p) => !listed.has(p.id)), `${keyOnly.length} key-only projects`);
			check('the Default project is never listed', !listed.has(F.DEFAULT_PROJECT_ACME));
			check('each item says when it was last active, how far back was looked, its cost, requests, age and why', items.every((item) => (item.lastActivityAt === null || typeof item.lastActivityAt === 'string') && typeof item.lookedBackTo === 'string' && item.costInWindow === 0 && item.requestsInWindow === 0 && Number.isInteger(item.ageDays) && /^No activity (in 20 days; last active \d{4}-\d{2}-\d{2}\.|in the \d+ days looked at\.|since it was created \d+ days ago\.)$/.test(item.reason) && item.evidence?.apiKeys), JSON.stringify(items.find((item) => !((item.lastActivityAt === null || typeof item.lastActivityAt === 'string') && typeof item.lookedBackTo === 'string' && item.costInWindow === 0 && item.requestsInWindow === 0 && Number.isInteger(item.ageDays) && /^No activity (in 20 days; last active \d{4}-\d{2}-\d{2}\.|in the \d+ days looked at\.|since it was created \d+ days ago\.)$/.test(item.reason) && item.evidence?.apiKeys)) ?? {}).slice(0, 600));

			const pages = (path) => requests.filter((r) => r.method === 'GET' && r.path === path).length;
			const keyListings = requests.filter((r) => r.path.endsWith('/api_keys')).length;
			const projectPages = Math.ceil(world.acme.length / 100);
			const goal = projectPages + 1 + KINDS.length * 3 + world.candidates.length;
			check(`requests: ${projectPages} project pages + 1 cost page + 3 usage pages per kind + ${world.candidates.length} key listings = ${goal}`, requests.length === goal && pages('/v1/organization/costs') === 1 && KINDS.every((kind) => pages(`/v1/organization/usage/${kind}`) === 3) && keyListings === world.candidates.length, `${requests.length} requests, ${keyListings} key listings`);
		},
	},
	{
		workflow: 'projects-archive-dry-run.json',
		verify({ run, requests, check }) {
			const items = itemsJson(run, 'Archive (Dry Run)');
			check('Archive with Dry Run runs after Find Stale', succeeded(run), why(run));
			check('Dry Run puts out what would be archived', items.length === 10 && items.every((item) => item.dryRun === true && item.wouldArchive === true && item.status === 'active'), JSON.stringify(items[0]));
			check('Dry Run sends no archive', requests.filter((r) => r.method === 'POST').length === 0);
		},
	},
];
