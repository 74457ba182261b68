/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code: reads the built package in plain Node */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

/**
 * The action list of n8n's node panel, read from the BUILT package (dist/) as n8n 2.8's editor reads it
 * (editor-ui's node creator, useActionsGeneration: triggersCategory, operationsCategory, resourceCategories,
 * modeCategory, and generateMergedNodesAndActions). What it does, in our words:
 * - a node whose display name holds "trigger" lists each option of its "Event"/"Events"/"Trigger On" parameter,
 *   named by the option's `action`, else "On " + the option name in lower case;
 * - a node without a "resource" parameter lists the options of its first "operation" parameter;
 * - a node with a "resource" parameter lists, per resource option, the options of the first "operation" parameter
 *   shown for that resource, named by `action`, else "<Resource> <Operation Name>";
 * - a node in the codex category "AI" also lists every option of its first parameter named "mode", wherever that
 *   parameter sits: "Allow Only These Models" came from there;
 * - a trigger whose type name without "Trigger" is another node's joins that node's entry: the two lists merge
 *   and the entry takes the trigger's description.
 */
const PACKAGE = 'n8n-nodes-openai-org';

interface Codex {
	categories?: string[];
	subcategories?: Record<string, string[]>;
	alias?: string[];
}
interface BuiltNode {
	type: string;
	description: INodeTypeDescription;
	codex: Codex;
}
interface PanelAction {
	name: string;
	source: string;
}

function loadBuiltNodes(): BuiltNode[] {
	const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
		n8n: { nodes: string[] };
	};
	return manifest.n8n.nodes.map((file) => {
		const absolute = path.join(__dirname, '..', '..', file);
		if (!fs.existsSync(absolute)) throw new Error(`${file} is not built: run npm run build first`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built class, as n8n loads it
		const exported = require(absolute) as Record<string, new () => { description: INodeTypeDescription }>;
		const description = new (Object.values(exported)[0])().description;
		const codex = JSON.parse(fs.readFileSync(absolute.replace(/\.js$/, '.json'), 'utf8')) as Codex;
		return { type: `${PACKAGE}.${description.name}`, description, codex };
	});
}

const optionsOf = (property: INodeProperties | undefined) => (property?.options ?? []) as INodePropertyOptions[];
const startCase = (text: string) =>
	text
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((word) => word[0].toUpperCase() + word.slice(1))
		.join(' ');

function panelActions(node: BuiltNode): PanelAction[] {
	const { description, codex } = node;
	const actions: PanelAction[] = [];
	if (description.displayName.toLowerCase().includes('trigger')) {
		const events = description.properties.find((property) =>
			['event', 'events', 'trigger on'].includes(property.displayName.toLowerCase()),
		);
		for (const option of optionsOf(events)) {
			actions.push({ name: option.action ?? `On ${option.name.toLowerCase()}`, source: `event ${String(option.value)}` });
		}
	}
	const resource = description.properties.find((property) => property.name === 'resource');
	if (!resource) {
		const operation = description.properties.find((property) => property.name.toLowerCase() === 'operation');
		for (const option of optionsOf(operation)) {
			actions.push({ name: option.action ?? startCase(option.name), source: `operation ${String(option.value)}` });
		}
	} else {
		const versions = ([] as number[]).concat(description.version);
		for (const resourceOption of optionsOf(resource)) {
			const operation = description.properties.find((property) => {
				const shownFor = property.displayOptions?.show?.resource as unknown[] | undefined;
				const shownVersions = property.displayOptions?.show?.['@version'] as unknown[] | undefined;
				return (
					property.name === 'operation' &&
					(shownFor?.includes(resourceOption.value) ?? optionsOf(resource).length === 1) &&
					(!shownVersions || shownVersions.some((version) => versions.includes(version as number)))
				);
			});
			for (const option of optionsOf(operation)) {
				actions.push({
					name: option.action ?? `${resourceOption.name} ${startCase(option.name)}`,
					source: `operation ${String(resourceOption.value)}:${String(option.value)}`,
				});
			}
		}
	}
	if (codex.categories?.includes('AI')) {
		const mode = description.properties.find((property) => property.name.toLowerCase() === 'mode');
		for (const option of optionsOf(mode)) {
			actions.push({ name: option.action ?? startCase(option.name), source: `parameter mode=${String(option.value)}` });
		}
	}
	return actions;
}

interface PanelEntry {
	type: string;
	displayName: string;
	description: string;
	actions: PanelAction[];
}

/** The node panel's entries: every node, with each trigger merged into the node its type name points at. */
function panelEntries(nodes: BuiltNode[]): PanelEntry[] {
	const entries: PanelEntry[] = nodes
		.filter((node) => !node.description.group.includes('trigger'))
		.map((node) => ({
			type: node.type,
			displayName: node.description.displayName,
			description: node.description.description,
			actions: panelActions(node),
		}));
	for (const trigger of nodes.filter((node) => node.description.group.includes('trigger'))) {
		const app = entries.find((entry) => entry.type === trigger.type.replace('Trigger', ''));
		if (app && app.actions.length > 0) {
			app.actions = [...app.actions, ...panelActions(trigger)];
			app.description = trigger.description.description;
		} else {
			entries.push({
				type: trigger.type,
				displayName: trigger.description.displayName,
				description: trigger.description.description,
				actions: panelActions(trigger),
			});
		}
	}
	return entries;
}

/** What the package means to offer: one action per operation of each resource, one per trigger event. */
function realOperations(nodes: BuiltNode[]): Set<string> {
	const real = new Set<string>();
	for (const node of nodes) {
		for (const property of node.description.properties) {
			if (property.name === 'operation') {
				const resources = (property.displayOptions?.show?.resource ?? []) as string[];
				for (const resource of resources) {
					for (const option of optionsOf(property)) real.add(`operation ${resource}:${String(option.value)}`);
				}
				if (resources.length === 0) for (const option of optionsOf(property)) real.add(`operation ${String(option.value)}`);
			}
			if (property.name === 'events' && node.description.group.includes('trigger')) {
				for (const option of optionsOf(property)) real.add(`event ${String(option.value)}`);
			}
		}
	}
	return real;
}

/**
 * A sentence-case action: a capitalised verb, then lower-case words, acronyms (API) or "a". A lost apostrophe
 * leaves a lone letter ("Change a user s role"), which this refuses.
 */
const WELL_FORMED = /^[A-Z][a-z]+( ([a-z][a-z-]+|[A-Z]{2,}s?|a))*$/;

const nodes = loadBuiltNodes();
const entries = panelEntries(nodes);
const entry = (displayName: string) => {
	const found = entries.find((candidate) => candidate.displayName === displayName);
	if (!found) throw new Error(`the node panel has no entry "${displayName}"`);
	return found;
};

describe("the node panel's action lists, read from the built package as n8n's editor reads them", () => {
	test.each(entries.map((panelEntry) => [panelEntry.displayName, panelEntry]))(
		'%s lists only real operations and events',
		(_name, panelEntry) => {
			const real = realOperations(nodes);
			const stray = panelEntry.actions.filter((action) => !real.has(action.source));
			expect(stray).toEqual([]);
		},
	);

	test.each(entries.map((panelEntry) => [panelEntry.displayName, panelEntry]))(
		'%s names every action in a well-formed sentence, each once',
		(_name, panelEntry) => {
			const malformed = panelEntry.actions.filter((action) => !WELL_FORMED.test(action.name));
			expect(malformed).toEqual([]);
			const names = panelEntry.actions.map((action) => action.name);
			expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		},
	);

	test('every operation and event of the package is listed somewhere', () => {
		const listed = new Set(entries.flatMap((panelEntry) => panelEntry.actions.map((action) => action.source)));
		expect([...realOperations(nodes)].filter((source) => !listed.has(source))).toEqual([]);
	});

	test('events read in words, not as generated "On <lower-case name>" texts', () => {
		const events = entry('OpenAI Organization').actions.filter((action) => action.source.startsWith('event '));
		expect(events.map((action) => action.name)).toEqual([
			'On an admin API key created or deleted',
			'On an API key unused for days',
			'On a certificate changed',
			'On a group changed',
			'On a new audit-log event',
			'On a project archived',
			'On a project created',
			'On a role or role assignment changed',
			'On spend crossing a threshold',
		]);
	});

	test('the OpenAI Organization entry (which n8n merges with the trigger) reads as what it offers: actions and events', () => {
		const organization = entry('OpenAI Organization');
		expect(organization.description).toMatch(/users, invites, audit log, usage and costs/);
		expect(organization.description).toMatch(/start a workflow on its events/);
	});

	test('Change Role is named with its meaning in both nodes, and no apostrophe is lost', () => {
		const names = entries.flatMap((panelEntry) => panelEntry.actions.map((action) => action.name));
		expect(names).toEqual(expect.arrayContaining(['Change the role of a user', 'Change the role of a user in a project']));
		expect(names.filter((name) => / s /.test(name))).toEqual([]);
	});
});
