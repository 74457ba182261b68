import type { INodeProperties } from 'n8n-workflow';

// The "Add …" collections of optional fields: an operation's Filters, its Options, and any other named set.

interface CollectionText {
	displayName: string;
	name: string;
	/** the button's text, e.g. 'Add Field' */
	placeholder: string;
	description?: string;
}

/** A collection of optional fields, each added with the `placeholder` button. */
export function collectionProperty(text: CollectionText, options: INodeProperties[]): INodeProperties {
	return {
		displayName: text.displayName,
		name: text.name,
		type: 'collection',
		placeholder: text.placeholder,
		default: {},
		...(text.description === undefined ? {} : { description: text.description }),
		options,
	};
}

/** "Filters" ("Add Filter"): what a list keeps, read as `filters`. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collectionProperty({ displayName: 'Filters', name: 'filters', placeholder: 'Add Filter' }, options);
}

/** "Options" ("Add Option"): an operation's optional settings, read as `options` unless `name` says otherwise. */
export function optionsCollection(options: INodeProperties[], name = 'options'): INodeProperties {
	return collectionProperty({ displayName: 'Options', name, placeholder: 'Add Option' }, options);
}

/** "Update Fields" ("Add Field"): what an update changes, read as `updateFields`; `description` says what stays. */
export function updateFieldsCollection(description: string, options: INodeProperties[]): INodeProperties {
	return collectionProperty({ displayName: 'Update Fields', name: 'updateFields', placeholder: 'Add Field', description }, options);
}
