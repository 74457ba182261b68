/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: reads the repository's own files */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { REFERENCE_DIR, renderReference } from '../../scripts/docs';

describe('the operation reference in docs/reference', () => {
	const pages = renderReference();

	test('has a page for every node the package lists, one for the credentials, and an index', () => {
		expect([...pages.keys()].sort()).toEqual([
			'README.md',
			'credentials.md',
			'openAiOrgChat.md',
			'openAiOrganization.md',
			'openAiOrganizationTrigger.md',
			'openAiProjects.md',
		]);
	});

	test.each([...pages.keys()])('docs/reference/%s is what `npm run docs` writes from the built descriptions today', (file) => {
		const committed = path.join(REFERENCE_DIR, file);
		expect(existsSync(committed) ? readFileSync(committed, 'utf8') : `(no ${file}: run npm run docs)`).toBe(pages.get(file));
	});

	test('holds no page that the descriptions no longer give', () => {
		expect(readdirSync(REFERENCE_DIR).filter((file) => !pages.has(file))).toEqual([]);
	});

	test('names every operation with its action text, e.g. archiving a project', () => {
		expect(pages.get('openAiProjects.md')).toMatch(/### Archive \(`archive`\)\n\nAction: Archive a project\./);
	});
});
