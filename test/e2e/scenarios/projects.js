'use strict';
/**
 * The OpenAI Projects node inside a real n8n: the test server starts with 537 extra Acme projects.
 * Most workflows here are version 1 nodes with an "OpenAI Organization API" credential, as workflows built
 * before the "OpenAI Admin API" credential are stored: they must keep running. The v2 ones use the Admin credential.
 */
const { itemsJson, why, succeeded, failedWith, apiRequests, header } = require('../lib/expectations');

const LIST = '/v1/organization/projects';

module.exports = [
	{
		workflow: 'projects-get-many-all-pages.json',
		verify({ run, requests, check, F }) {
			const items = itemsJson(run, 'OpenAI Projects');
			const lists = apiRequests(requests, 'GET', LIST);
			check('Get Many with Return All runs', succeeded(run), why(run));
			check('Get Many with Return All puts out all 538 Acme projects, archived ones included', items.length === 538, `got ${items.length}`);
			check('the list is read in exactly 6 requests of 100', lists.length === 6 && lists.every((r) => r.query.limit === '100'), JSON.stringify(lists.map((r) => r.query)));
			check('each page after the first continues after the previous last id', lists.slice(1).every((r) => typeof r.query.after === 'string' && r.query.after.startsWith('proj_')));
			check('no OpenAI-Organization header is sent when the credential has none', lists.every((r) => header(r, 'openai-organization') === undefined));
			check('items carry id, name, status and readable dates', items.every((p) => p.id?.startsWith('proj_') && typeof p.name === 'string' && ['active', 'archived'].includes(p.status) && typeof p.createdAtIso === 'string'));
			check('the Default project comes first (oldest)', items[0]?.id === F.DEFAULT_PROJECT_ACME, items[0]?.id);
		},
	},
	{
		workflow: 'projects-get-many-limit.json',
		verify({ run, requests, check, F }) {
			const items = itemsJson(run, 'OpenAI Projects');
			const lists = apiRequests(requests, 'GET', LIST);
			check('Get Many with Limit 150 puts out 150 projects', succeeded(run) && items.length === 150, `${why(run)}; ${items.length} items`);
			check('Get Many with Limit 150 stops after 2 pages', lists.length === 2, `${lists.length} list requests`);
			check('the credential organization goes out as OpenAI-Organization', lists.length > 0 && lists.every((r) => header(r, 'openai-organization') === F.ORG_ACME));
			check('active projects only unless archived ones are asked for', items.every((p) => p.status === 'active'));
		},
	},
	{
		workflow: 'projects-lifecycle.json',
		async verify({ run, requests, check, server }) {
			const [created] = itemsJson(run, 'Create');
			const [renamed] = itemsJson(run, 'Rename');
			const [archived] = itemsJson(run, 'Archive');
			const [again] = itemsJson(run, 'Archive again');
			check('create, rename, archive and archive again run as one workflow', succeeded(run), why(run));
			check('Create puts out the new project', created?.name === 'E2E lifecycle project' && created?.status === 'active' && created?.id?.startsWith('proj_'), JSON.stringify(created));
			check('Rename puts out the new name', renamed?.id === created?.id && renamed?.name === 'E2E renamed project', JSON.stringify(renamed));
			check('Archive puts out the archived project', archived?.status === 'archived' && archived?.alreadyArchived === false, JSON.stringify(archived));
			check('archiving twice succeeds and says it was already archived', again?.status === 'archived' && again?.alreadyArchived === true && /already archived/.test(again?.message ?? ''), JSON.stringify(again));
			check('exactly one create request reached the API', apiRequests(requests, 'POST', LIST).length === 1);
			const stored = (await server.state()).projects.find((p) => p.id === created?.id);
			check('the server holds the project renamed and archived', stored?.name === 'E2E renamed project' && stored?.archivedAt !== null, JSON.stringify(stored));
		},
	},
	{
		workflow: 'projects-continue-on-fail.json',
		verify({ run, check, F }) {
			const items = run.itemsOf('Rename');
			const [first, second, third] = items.map((item) => item.json);
			check('with continue on fail the workflow succeeds although one item fails', succeeded(run), why(run));
			check('one output item per input item', items.length === 3, `got ${items.length}`);
			check('the Default project becomes an error item in plain words', /Default project cannot be renamed/.test(first?.error ?? ''), JSON.stringify(first));
			check('the error item is paired with its input item', items[0]?.pairedItem?.item === 0);
			check('the other projects are renamed', [second, third].every((p) => p?.name?.endsWith('(renamed)') && p.id !== F.DEFAULT_PROJECT_ACME), JSON.stringify([second, third]));
			check('renamed items stay paired with their inputs', items[1]?.pairedItem?.item === 1 && items[2]?.pairedItem?.item === 2);
		},
	},
	{
		workflow: 'projects-not-found.json',
		verify({ run, check }) {
			check('a missing project fails the execution with "not found in this organization"', failedWith(run, 'OpenAI Projects', /^Project proj_doesNotExist0000000001 was not found in this organization$/), why(run));
		},
	},
	{
		workflow: 'projects-project-key.json',
		verify({ run, requests, check }) {
			check('a project key on the Projects node fails with "needs an OpenAI Admin API key"', failedWith(run, 'OpenAI Projects', /needs an OpenAI Admin API key/), why(run));
			check('a refused key is not retried', apiRequests(requests, 'GET', LIST).length === 1, `${requests.length} requests`);
		},
	},
	{
		workflow: 'projects-v2-admin-credential.json',
		verify({ run, requests, check }) {
			check('a version 2 node with an OpenAI Admin API credential lists projects', succeeded(run) && itemsJson(run, 'OpenAI Projects').length === 5, why(run));
			check('the Admin credential signs with its key and sends no organization or project header', apiRequests(requests, 'GET', LIST).every((r) => header(r, 'openai-organization') === undefined && header(r, 'openai-project') === undefined));
		},
	},
	{
		workflow: 'projects-v2-project-key.json',
		verify({ run, check }) {
			check('a version 2 node whose Admin credential holds a project key fails with "needs an OpenAI Admin API key"', failedWith(run, 'OpenAI Projects', /^This operation needs an OpenAI Admin API key$/), why(run));
		},
	},
	{
		workflow: 'projects-bad-key.json',
		verify({ run, check }) {
			check('an unknown key fails with "does not recognise this API key"', failedWith(run, 'OpenAI Projects', /does not recognise this API key/), why(run));
			check('the error shows the key only as a fingerprint', /sk-\.\.\.cgga|\.\.\.cgga/.test(run.error?.description ?? ''), run.error?.description);
		},
	},
	{
		workflow: 'projects-mismatched-organization.json',
		verify({ run, requests, check, F }) {
			const lists = apiRequests(requests, 'GET', LIST);
			check('a key from another organization fails naming that organization and the proof', failedWith(run, 'OpenAI Projects', new RegExp(`does not belong to organization ${F.ORG_GLOBEX} \\(checked: the same key works when no organization is sent\\)`)), why(run));
			check('the request went out with the credential organization, the proof without', lists.length === 2 && header(lists[0], 'openai-organization') === F.ORG_GLOBEX && header(lists[1], 'openai-organization') === undefined, JSON.stringify(lists.map((r) => header(r, 'openai-organization') ?? null)));
		},
	},
	{
		workflow: 'projects-rate-limited.json',
		async before(server) {
			await server.addFault({ kind: 'rate_limit', method: 'GET', path: LIST, times: 2, retryAfterMs: 100 });
		},
		verify({ run, requests, check }) {
			const lists = apiRequests(requests, 'GET', LIST);
			check('two 429s in a row are retried and the run succeeds', succeeded(run) && itemsJson(run, 'OpenAI Projects').length === 5, why(run));
			check('the server saw 2 refused and 1 answered list request', lists.length === 3 && lists.filter((r) => r.fault === 'rate_limit').length === 2, JSON.stringify(lists.map((r) => r.fault ?? r.status)));
		},
	},
	{
		workflow: 'projects-other-organization.json',
		verify({ run, check, F }) {
			const ids = itemsJson(run, 'OpenAI Projects').map((p) => p.id).sort();
			const expected = [F.DEFAULT_PROJECT_GLOBEX, F.PROJECT_GLOBEX_RESEARCH, F.PROJECT_GLOBEX_SUPPORT, F.PROJECT_GLOBEX_ARCHIVED].sort();
			check("Globex's admin key lists exactly Globex's 4 projects", succeeded(run) && JSON.stringify(ids) === JSON.stringify(expected), `${why(run)}; ${JSON.stringify(ids)}`);
		},
	},
];
