/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code: reads the package's codex files in plain Node */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The node panel ("What happens next?") of n8n 2.8 drops a node from its main search and its app list when the
 * codex names the "AI" category without the "Root Nodes" AI subcategory: such a node counts as a sub-node and only
 * shows in the AI panel. n8n searches a node's display name and its codex aliases. These checks hold for every node
 * of the package, so a node added later is held to them too.
 */
const NODES = path.join(__dirname, '..', '..', 'nodes');

interface Codex {
	node: string;
	categories?: string[];
	subcategories?: Record<string, string[]>;
	alias?: string[];
}

const codexFiles = fs
	.readdirSync(NODES, { withFileTypes: true })
	.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
	.map((entry) => {
		const file = fs.readdirSync(path.join(NODES, entry.name)).find((name) => name.endsWith('.node.json'));
		if (!file) throw new Error(`nodes/${entry.name} has no codex file (*.node.json)`);
		const codex = JSON.parse(fs.readFileSync(path.join(NODES, entry.name, file), 'utf8')) as Codex;
		const source = fs.readFileSync(path.join(NODES, entry.name, file.replace(/\.json$/, '.ts')), 'utf8');
		const displayName = /INodeTypeDescription = \{\s*displayName: '([^']+)'/.exec(source)?.[1] ?? '';
		return { folder: entry.name, codex, source, displayName };
	});

/** What n8n's node creator keeps in its main search: not an AI node, or an AI root node. */
function shownInMainPanel(codex: Codex): boolean {
	if (!codex.categories?.includes('AI')) return true;
	return codex.subcategories?.AI?.includes('Root Nodes') === true;
}

function foundBy(term: string, node: (typeof codexFiles)[number]): boolean {
	const words = [node.displayName, ...(node.codex.alias ?? [])].map((word) => word.toLowerCase());
	return words.some((word) => word.includes(term.toLowerCase()));
}

const byName = (name: string) => {
	const node = codexFiles.find((candidate) => candidate.displayName === name);
	if (!node) throw new Error(`no node named ${name}`);
	return node;
};

describe('node discovery in the node panel', () => {
	test.each(codexFiles.map((node) => [node.folder, node]))('%s is shown in the main node panel', (_folder, node) => {
		expect(shownInMainPanel(node.codex)).toBe(true);
	});

	test.each(codexFiles.map((node) => [node.folder, node]))(
		'%s is found by "OpenAI" and by its name, and is an AI-agent tool unless it is a trigger (n8n\'s lint forbids that)',
		(_folder, node) => {
			expect(node.codex.node).toMatch(/^n8n-nodes-openai-org\./);
			expect(foundBy('OpenAI', node)).toBe(true);
			expect(node.displayName).not.toBe('');
			const trigger = /group: \['trigger'\]/.test(node.source);
			expect(/usableAsTool: true/.test(node.source)).toBe(!trigger);
		},
	);

	test.each(['projects', 'organization', 'usage', 'costs', 'spend', 'API keys', 'stale'])(
		'OpenAI Projects is found by the admin word "%s"',
		(term) => {
			expect(foundBy(term, byName('OpenAI Projects'))).toBe(true);
		},
	);

	// n8n's panel shows the trigger inside the OpenAI Organization entry, searched by that node's name and aliases.
	test.each(['trigger', 'audit', 'stale', 'spend', 'key', 'project', 'users', 'invites'])(
		'OpenAI Organization (with its trigger) is found by "%s"',
		(term) => {
			expect(foundBy(term, byName('OpenAI Organization'))).toBe(true);
		},
	);

	// An alias ranks a node in the search: none may promise what the node cannot do.
	test.each([
		['OpenAI Projects', 'audit'],
		['OpenAI Projects', 'trigger'],
		['OpenAI Projects', 'admin keys'],
		['OpenAI Projects', 'chatgpt'],
		['OpenAI Organization', 'admin keys'],
		['OpenAI Organization', 'chatgpt'],
		['OpenAI Organization Trigger', 'chatgpt'],
	])('%s is not found by "%s"', (name, term) => {
		expect(foundBy(term, byName(name))).toBe(false);
	});

	test.each(['chat', 'organization', 'GPT'])('OpenAI Chat (Organization) is found by "%s"', (term) => {
		expect(foundBy(term, byName('OpenAI Chat (Organization)'))).toBe(true);
	});
});
