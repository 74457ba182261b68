import type { INodeProperties, INodePropertyMode, INodePropertyModeValidation } from 'n8n-workflow';

// A field that names one thing (a project, a member, a model, a rate limit…): picked from a searchable list first,
// or given another way (by ID, by name). The list is the node's listSearch method `searchListMethod`.

interface LocatorText {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	required?: boolean;
	/** what the field holds before anything is picked: nothing, unless a sensible choice exists */
	defaultValue?: string;
	/** the other ways to give it, after "From List", e.g. `{ displayName: 'ID', name: 'id', type: 'string', … }` */
	modes: INodePropertyMode[];
}

/** A resource locator: "From List" (searchable), then the text's other modes. */
export function listLocator(text: LocatorText): INodeProperties {
	return {
		displayName: text.displayName,
		name: text.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: text.defaultValue ?? '' },
		required: text.required ?? true,
		description: text.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: text.searchListMethod, searchable: true },
			},
			...text.modes,
		],
	};
}

/**
 * The check of a typed ID's form in the editor, for a mode's `validation`: `regex` without anchors, e.g.
 * 'proj_[A-Za-z0-9]+', and the message when a typed ID has another form.
 */
export function idValidation(regex: string, errorMessage: string): INodePropertyModeValidation[] {
	return [{ type: 'regex', properties: { regex, errorMessage } }];
}
