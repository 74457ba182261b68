import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';

import { readList } from '../execution/lists';
import { isProjectId } from '../transport';
import { idValidation, listLocator } from './locators';

// Every field in which an Admin node chooses a project is built here: a picker that searches the whole
// organization (searchProjects in nodes/shared/methods/organizationSearch.ts) with "By ID" beside it. A node that
// uses one lists `searchProjects` among its listSearch methods.

interface PickerText {
	name?: string;
	displayName?: string;
	description?: string;
	required?: boolean;
}

/** One project: picked from a searchable list of the organization's projects, or given by ID. */
export function projectPicker(text: PickerText = {}): INodeProperties {
	return listLocator({
		displayName: text.displayName ?? 'Project',
		name: text.name ?? 'projectId',
		required: text.required ?? true,
		description: text.description ?? 'The project to use',
		searchListMethod: 'searchProjects',
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'proj_abc123',
				validation: idValidation('proj_[A-Za-z0-9]+', 'A project ID looks like proj_abc123'),
			},
		],
	});
}

/** A picked project's ID: from the picker's value, or from the plain text a workflow saved before the picker. */
export function pickedProjectId(value: unknown): string {
	if (value && typeof value === 'object' && 'value' in value) return String((value as IDataObject).value ?? '').trim();
	return String(value ?? '').trim();
}

const ENTRY = 'project';

/** Several projects: "Add Project" rows, each a picker. `name` is the parameter's name. */
export function projectPickerList(text: { name: string; displayName: string; description: string }): INodeProperties {
	return {
		displayName: text.displayName,
		name: text.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Project',
		default: {},
		description: text.description,
		options: [{ displayName: 'Project', name: ENTRY, values: [projectPicker({ name: ENTRY, description: 'A project' })] }],
	};
}

/**
 * The typed-ID field a list picker replaced, kept under its old name so a saved workflow's IDs still count: it is
 * shown only while it holds something, and new nodes never see it.
 */
export function typedProjectIdsField(field: INodeProperties): INodeProperties {
	const shownWhileFilled: INodeProperties = { ...field, displayOptions: { show: { [field.name]: [{ _cnd: { exists: true } }] } } };
	// A multi-select keeps its name and text: n8n's lint prescribes them for a list loaded from the API.
	if (field.type !== 'string') return shownWhileFilled;
	return {
		...shownWhileFilled,
		displayName: `${field.displayName} (Typed)`,
		description: 'IDs saved before the project picker; they still count. Move them to the picker above, then clear this field.',
	};
}

/** The project IDs of a picker list's value, as picked (empty rows left out). */
export function projectIdsOfList(value: unknown): string[] {
	const rows = ((value as IDataObject | undefined)?.[ENTRY] ?? []) as IDataObject[];
	return rows.map((row) => pickedProjectId(row[ENTRY])).filter((id) => id !== '');
}

type ReadsParameters = IExecuteFunctions | IPollFunctions;

/** The IDs, refused before any request when one is not a project ID; `label` names the field. */
export function checkProjectIds(this: ReadsParameters, ids: string[], label: string, itemIndex = 0): string[] {
	const wrong = ids.find((id) => !isProjectId(id));
	if (wrong !== undefined) {
		throw new NodeOperationError(this.getNode(), `"${label}" holds "${wrong}", which is not a project ID`, {
			itemIndex,
			description: 'Pick the project from the list, or choose "By ID" and enter an ID like proj_abc123.',
		});
	}
	return ids;
}

interface Field {
	name: string;
	label: string;
}

/**
 * The project IDs of a picker list and of the typed field it replaced, together, in order, each once. Each field's
 * `label` names it in the message when one of its entries is not a project ID.
 */
export function readPickedProjectIds(this: ReadsParameters, list: Field, typed: Field | undefined, itemIndex = 0): string[] {
	const get = (name: string, fallback: unknown) =>
		'getInputData' in this
			? (this as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback)
			: (this as IPollFunctions).getNodeParameter(name, fallback);
	const picked = checkProjectIds.call(this, projectIdsOfList(get(list.name, {})), list.label, itemIndex);
	const older = typed ? checkProjectIds.call(this, readList(get(typed.name, [])), typed.label, itemIndex) : [];
	return [...new Set([...picked, ...older])];
}
