/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a build script: reads dist/, writes docs/ */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * `npm run docs`: the operation reference in docs/reference/, one page per node and one for the credentials,
 * written from the BUILT node descriptions (dist/), so it says what n8n's editor shows. test/unit/docs.test.ts
 * renders it again in memory and fails when the committed pages differ.
 */

export const REPO_ROOT = path.join(__dirname, '..');
export const REFERENCE_DIR = path.join(REPO_ROOT, 'docs', 'reference');

type Described = { description: INodeTypeDescription };
type Option = INodePropertyOptions | INodeProperties | INodePropertyCollection;

/** One line of a Markdown table cell: no pipes, no line breaks. */
const cell = (text: unknown) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (value: unknown) => (value === '' ? '(empty)' : `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``);
/** Sentences joined, each ending in a full stop. */
const sentences = (...texts: Array<string | undefined>) =>
	texts
		.filter((text): text is string => Boolean(text))
		.map((text) => (/[.!?:]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`))
		.join(' ');

function loadBuilt<T>(file: string): T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(REPO_ROOT, file)) as Record<string, new () => T>;
	return new (Object.values(exported)[0])();
}

/** Where a parameter shows, apart from its resource and operation (those are the page's headings). */
function shownWhen(property: INodeProperties): string {
	const show = property.displayOptions?.show ?? {};
	return Object.entries(show)
		.filter(([name]) => name !== 'resource' && name !== 'operation')
		.map(([name, values]) => `${name}: ${(values ?? []).map((value) => code(value)).join(', ')}`)
		.join('; ');
}

function typeOf(property: INodeProperties): string {
	if (property.type === 'resourceLocator') {
		return `resourceLocator (${(property.modes ?? []).map((mode) => mode.displayName).join(', ')})`;
	}
	return property.typeOptions?.password ? `${property.type} (password)` : property.type;
}

function optionsOf(property: INodeProperties): string {
	const options = (property.options ?? []) as Option[];
	if (!options.length || property.type === 'collection' || property.type === 'fixedCollection') return '';
	return options
		.map((option) => {
			const label = 'displayName' in option ? option.displayName : option.name;
			const value = (option as INodePropertyOptions).value;
			if (label === value) return code(value);
			// A label that already ends in its value, e.g. "API key created (api_key.created)", shows it once.
			const ownName = label.endsWith(` (${value})`) ? label.slice(0, -` (${value})`.length) : label;
			return `${ownName} (${code(value)})`;
		})
		.join(', ');
}

/** A parameter's rows: itself, then the fields of a collection under it as "Parent › Field". */
function parameterRows(property: INodeProperties, prefix = ''): string[] {
	const name = `${prefix}${property.displayName}`;
	const options = optionsOf(property);
	const description = sentences(
		property.description,
		options && `Options: ${options}`,
		shownWhen(property) && `Shown when ${shownWhen(property)}`,
	);
	const row = `| ${cell(name)} | ${code(property.name)} | ${cell(typeOf(property))} | ${property.required ? 'yes' : ''} | ${cell(code(property.default))} | ${cell(description)} |`;
	const children = (property.options ?? []) as Option[];
	const nested = ['collection', 'fixedCollection'].includes(property.type)
		? children.flatMap((child) =>
				'values' in child
					? child.values.flatMap((value) => parameterRows(value, `${name} › ${child.displayName} › `))
					: parameterRows(child as INodeProperties, `${name} › `),
			)
		: [];
	return property.type === 'notice' ? [] : [row, ...nested];
}

function parameterTable(properties: INodeProperties[]): string[] {
	if (!properties.length) return ['No parameters.', ''];
	return [
		'| Parameter | Name | Type | Required | Default | Description |',
		'| --- | --- | --- | --- | --- | --- |',
		...properties.flatMap((property) => parameterRows(property)),
		'',
	];
}

const shows = (property: INodeProperties, field: string, value: string) => {
	const wanted = property.displayOptions?.show?.[field];
	return wanted === undefined || wanted.includes(value);
};

function renderNode(node: INodeTypeDescription): string {
	const { properties } = node;
	const credentials = (node.credentials ?? []).map((credential) => {
		const versions = credential.displayOptions?.show?.['@version'];
		return `${code(credential.name)}${versions ? ` (node version ${versions.join(', ')})` : ''}`;
	});
	const lines = [
		`# ${node.displayName}`,
		'',
		'Generated by `npm run docs` from the built node description; do not edit.',
		'',
		cell(node.description),
		'',
		`- Node type: ${code(`n8n-nodes-openai-org.${node.name}`)}, version ${[node.version].flat().join(', ')}`,
		`- Credentials: ${credentials.join('; ') || 'none'}`,
		'',
	];
	const resource = properties.find((property) => property.name === 'resource');
	const isCommon = (property: INodeProperties) =>
		!property.displayOptions?.show?.resource && !property.displayOptions?.show?.operation;
	const common = properties.filter((property) => isCommon(property) && property !== resource && property.name !== 'operation');
	if (!resource) return [...lines, '## Parameters', '', ...parameterTable(common)].join('\n');

	for (const { name: resourceName, value: resourceValue } of (resource.options ?? []) as INodePropertyOptions[]) {
		lines.push(`## ${resourceName} (${code(resourceValue)})`, '');
		const operationProperty = properties.find(
			(property) => property.name === 'operation' && shows(property, 'resource', String(resourceValue)),
		);
		for (const operation of (operationProperty?.options ?? []) as INodePropertyOptions[]) {
			lines.push(`### ${operation.name} (${code(operation.value)})`, '');
			lines.push(cell(sentences(`Action: ${operation.action}`, operation.description)), '');
			const own = properties.filter(
				(property) =>
					!isCommon(property) &&
					property.name !== 'operation' &&
					shows(property, 'resource', String(resourceValue)) &&
					shows(property, 'operation', String(operation.value)),
			);
			lines.push(...parameterTable(own));
		}
	}
	lines.push('## Parameters of every operation', '', ...parameterTable(common));
	return lines.join('\n');
}

function renderCredentials(credentials: ICredentialType[]): string {
	const lines = ['# Credentials', '', 'Generated by `npm run docs` from the built credential types; do not edit.', ''];
	for (const credential of credentials) {
		lines.push(`## ${credential.displayName} (${code(credential.name)})`, '', ...parameterTable(credential.properties));
	}
	return lines.join('\n');
}

const pageName = (name: string) => `${name}.md`;

/** Every page of the reference, by file name, from the nodes and credentials package.json lists. */
export function renderReference(): Map<string, string> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { n8n } = require(path.join(REPO_ROOT, 'package.json')) as { n8n: { nodes: string[]; credentials: string[] } };
	const nodes = n8n.nodes.map((file) => loadBuilt<Described>(file).description);
	const credentials = n8n.credentials.map((file) => loadBuilt<ICredentialType>(file));
	const pages = new Map<string, string>();
	const index = ['# Operation reference', '', 'Generated by `npm run docs` from the built descriptions; do not edit.', ''];
	for (const node of nodes) {
		pages.set(pageName(node.name), renderNode(node));
		index.push(`- [${node.displayName}](${pageName(node.name)}): ${cell(node.description)}`);
	}
	pages.set('credentials.md', renderCredentials(credentials));
	index.push('- [Credentials](credentials.md): the fields of each credential', '');
	pages.set('README.md', index.join('\n'));
	return pages;
}

if (require.main === module) {
	const pages = renderReference();
	rmSync(REFERENCE_DIR, { recursive: true, force: true });
	mkdirSync(REFERENCE_DIR, { recursive: true });
	for (const [file, text] of pages) writeFileSync(path.join(REFERENCE_DIR, file), text);
	process.stdout.write(`docs/reference: ${readdirSync(REFERENCE_DIR).join(', ')}\n`);
}
