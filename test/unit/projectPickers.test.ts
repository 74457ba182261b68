import type { INodeProperties, INodePropertyCollection, INodeTypeDescription } from 'n8n-workflow';

import { OpenAiOrganization } from '../../nodes/OpenAiOrganization/OpenAiOrganization.node';
import { OpenAiOrganizationTrigger } from '../../nodes/OpenAiOrganizationTrigger/OpenAiOrganizationTrigger.node';
import { OpenAiProjects } from '../../nodes/OpenAiProjects/OpenAiProjects.node';

interface Field {
	node: string;
	path: string;
	property: INodeProperties;
}

/** Every parameter of a node, nested ones too, with its path as a person reaches it (Options > Ignore Projects). */
function fieldsOf(description: INodeTypeDescription): Field[] {
	const fields: Field[] = [];
	const walk = (properties: INodeProperties[], path: string[]) => {
		for (const property of properties) {
			const here = [...path, property.displayName];
			fields.push({ node: description.displayName, path: here.join(' > '), property });
			if (property.type === 'collection') walk(property.options as INodeProperties[], here);
			if (property.type === 'fixedCollection') {
				for (const group of property.options as INodePropertyCollection[]) walk(group.values, [...here, group.displayName]);
			}
		}
	};
	walk(description.properties, []);
	return fields;
}

const adminNodes = [new OpenAiProjects().description, new OpenAiOrganization().description, new OpenAiOrganizationTrigger().description];
const fields = adminNodes.flatMap(fieldsOf);

/** A typed-ID field kept for saved workflows: shown only while it holds something. */
const shownOnlyWhileFilled = (property: INodeProperties) =>
	JSON.stringify(property.displayOptions?.show?.[property.name]) === JSON.stringify([{ _cnd: { exists: true } }]);

describe('project pickers in the Admin nodes', () => {
	test('every project picker searches the whole organization and takes an ID too', () => {
		const pickers = fields.filter(({ property }) => property.type === 'resourceLocator' && /project/i.test(property.displayName));
		expect(pickers.length).toBeGreaterThan(20);
		for (const { property } of pickers) {
			const modes = property.modes ?? [];
			expect(modes.find((mode) => mode.name === 'list')?.typeOptions?.searchListMethod).toBe('searchProjects');
			expect(modes.find((mode) => mode.name === 'id')?.displayName).toBe('By ID');
		}
	});

	test.each([
		// Invite's rows and the Usage and Cost filter (the same path in the panel).
		['OpenAI Organization', 'Projects > Project > Project'],
		['OpenAI Organization', 'Filters > Projects > Project > Project'],
		['OpenAI Projects', 'Projects > Project > Project'],
		['OpenAI Projects', 'Options > Ignore Projects > Project > Project'],
		['OpenAI Organization Trigger', 'Spend of Projects > Project > Project'],
	])('%s chooses projects with the picker in "%s"', (node, path) => {
		const field = fields.find((candidate) => candidate.node === node && candidate.path === path);
		expect(field?.property.type).toBe('resourceLocator');
	});

	test('the typed-ID fields the pickers replaced show only while a saved workflow fills them', () => {
		const typed = fields.filter(({ property }) => ['projectIds', 'spendProjectIds'].includes(property.name) && property.type !== 'resourceLocator');
		const shown = typed.filter(({ property, path }) => !shownOnlyWhileFilled(property) && !path.startsWith('Filters'));
		expect(typed.length).toBeGreaterThanOrEqual(3);
		expect(shown.map(({ node, path }) => `${node}: ${path}`)).toEqual([]);
	});
});
