import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { checkChoice, choiceProperty, describedOptions, optionsNamedAfterValues, orList } from '../../nodes/shared/parameters/choices';
import { filtersCollection, optionsCollection, updateFieldsCollection } from '../../nodes/shared/parameters/collections';
import { getManyProperties } from '../../nodes/shared/parameters/getMany';
import { idValidation, listLocator } from '../../nodes/shared/parameters/locators';
import {
	getManyOperation,
	membershipProperties,
	operationOn,
	operationProperty,
	projectSettingProperties,
	resourceProperty,
} from '../../nodes/shared/parameters/operations';

const context = { getNode: () => ({ name: 'OpenAI Projects' }) as INode } as unknown as IExecuteFunctions;

describe('shared parameter builders', () => {
	test('an option named after its value reads as a title', () => {
		expect(optionsNamedAfterValues(['any', 'service_account'])).toEqual([
			{ name: 'Any', value: 'any' },
			{ name: 'Service Account', value: 'service_account' },
		]);
	});

	test('a choice outside the allowed values is refused, naming them in the given order', () => {
		expect(orList(['owner'])).toBe('owner');
		expect(orList(['any', 'user', 'service_account'])).toBe('any, user or service_account');
		const check = (value: string) =>
			checkChoice.call(context, { label: 'Owner Type', value, allowed: ['any', 'user', 'service_account'], itemIndex: 0 });
		expect(check('user')).toBe('user');
		expect(() => check('robot')).toThrow('"Owner Type" must be any, user or service_account, not "robot"');
	});

	test('Get Many has Return All and Limit, and Filters only when there are some', () => {
		expect(getManyProperties().map((property) => property.name)).toEqual(['returnAll', 'limit']);
		const withFilters = getManyProperties([{ displayName: 'Email', name: 'email', type: 'string', default: '' }]);
		expect(withFilters.map((property) => property.name)).toEqual(['returnAll', 'limit', 'filters']);
		expect(withFilters[2]).toMatchObject({ type: 'collection', placeholder: 'Add Filter', default: {} });
	});

	test('the collections are named as n8n shows them', () => {
		expect(filtersCollection([])).toMatchObject({ displayName: 'Filters', name: 'filters', placeholder: 'Add Filter' });
		expect(optionsCollection([], 'staleOptions')).toMatchObject({ displayName: 'Options', name: 'staleOptions', placeholder: 'Add Option' });
		expect(updateFieldsCollection('What to change', [])).toMatchObject({
			displayName: 'Update Fields',
			name: 'updateFields',
			placeholder: 'Add Field',
			description: 'What to change',
		});
		expect('description' in optionsCollection([])).toBe(false);
	});

	test('an operation selector shows for its resource and defaults to Get Many', () => {
		const property = operationProperty('invite', [getManyOperation('Get many invites', 'The invites')]);
		expect(property).toMatchObject({ name: 'operation', default: 'getAll', displayOptions: { show: { resource: ['invite'] } } });
		expect(property.options).toEqual([{ name: 'Get Many', value: 'getAll', action: 'Get many invites', description: 'The invites' }]);
		expect(operationProperty('spendLimit', [], 'get').default).toBe('get');
	});

	test('a list locator searches first, then takes the other modes in order', () => {
		const locator = listLocator({
			displayName: 'Spend Alert',
			name: 'alertId',
			description: 'The alert',
			searchListMethod: 'searchSpendAlerts',
			modes: [{ displayName: 'ID', name: 'id', type: 'string', validation: idValidation('alert_[a-z0-9]+', 'An alert ID looks like alert_abc') }],
		});
		expect(locator).toMatchObject({ type: 'resourceLocator', required: true, default: { mode: 'list', value: '' } });
		expect(locator.modes?.map((mode) => mode.name)).toEqual(['list', 'id']);
		expect(locator.modes?.[0].typeOptions).toEqual({ searchListMethod: 'searchSpendAlerts', searchable: true });
		expect(locator.modes?.[1].validation).toEqual([
			{ type: 'regex', properties: { regex: 'alert_[a-z0-9]+', errorMessage: 'An alert ID looks like alert_abc' } },
		]);
	});
});

describe('choice parameters', () => {
	test('a choice parameter carries its default and options, and a description only when given', () => {
		const mode = choiceProperty({ displayName: 'Mode', name: 'mode', default: 'a' }, optionsNamedAfterValues(['a', 'b']));
		expect(mode).toEqual({ displayName: 'Mode', name: 'mode', type: 'options', default: 'a', options: optionsNamedAfterValues(['a', 'b']) });
		expect(choiceProperty({ displayName: 'Mode', name: 'mode', default: 'a', description: 'Which' }, []).description).toBe('Which');
	});
});

describe('operation options named after their verb', () => {
	test('an operation on one thing is "<Verb> a <thing>", with "an" before a vowel', () => {
		expect(operationOn('spend alert', 'delete', 'Gone')).toEqual({ name: 'Delete', value: 'delete', action: 'Delete a spend alert', description: 'Gone' });
		expect(operationOn('invite', 'get', 'One')).toMatchObject({ action: 'Get an invite' });
		expect(operationOn('user', 'remove', 'Out')).toMatchObject({ action: 'Remove a user' });
	});

	test('a project setting lists its operations by name, starting on Get, with its fields in the given order', () => {
		const field = (name: string) => ({ description: [{ displayName: name, name, type: 'string' as const, default: '' }] });
		const [selector, ...fields] = projectSettingProperties('spendLimit', 'spend limit', {
			get: { operation: field('a'), description: 'Read it' },
			set: { operation: field('b'), description: 'Set it' },
			remove: { operation: field('c'), description: 'Remove it' },
		});
		expect(selector.default).toBe('get');
		expect(selector.options).toEqual([
			{ name: 'Get', value: 'get', action: 'Get the spend limit of a project', description: 'Read it' },
			{ name: 'Remove', value: 'remove', action: 'Remove the spend limit of a project', description: 'Remove it' },
			{ name: 'Set', value: 'set', action: 'Set the spend limit of a project', description: 'Set it' },
		]);
		expect(fields.map((property) => property.name)).toEqual(['a', 'b', 'c']);
	});

	test('the Resource selector offers the resources and starts on the default', () => {
		expect(resourceProperty([{ name: 'Chat', value: 'chat' }], 'chat')).toEqual({
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [{ name: 'Chat', value: 'chat' }],
			default: 'chat',
		});
	});
});

describe('described options', () => {
	test('each value becomes an option named after it, with its meaning, in the order given', () => {
		expect(describedOptions({ owner: 'Runs it', reader: 'Uses it' })).toEqual([
			{ name: 'Owner', value: 'owner', description: 'Runs it' },
			{ name: 'Reader', value: 'reader', description: 'Uses it' },
		]);
	});
});

describe('membership resources', () => {
	test('Add, Get, Get Many and Remove read as a member of a container; another wording is given, and the list is by name', () => {
		const none = { description: [] };
		const [selector] = membershipProperties('groupMember', 'user', 'group', {
			getAll: { operation: none, description: 'All' },
			remove: { operation: none, description: 'Out' },
			update: { operation: none, name: 'Change Role', action: 'Change the role of a user in a group', description: 'Role' },
			add: { operation: none, description: 'In' },
			get: { operation: none, description: 'One' },
		});
		expect(selector.default).toBe('getAll');
		expect(selector.options).toEqual([
			{ name: 'Add', value: 'add', action: 'Add a user to a group', description: 'In' },
			{ name: 'Change Role', value: 'update', action: 'Change the role of a user in a group', description: 'Role' },
			{ name: 'Get', value: 'get', action: 'Get a user of a group', description: 'One' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many users of a group', description: 'All' },
			{ name: 'Remove', value: 'remove', action: 'Remove a user from a group', description: 'Out' },
		]);
	});
});
