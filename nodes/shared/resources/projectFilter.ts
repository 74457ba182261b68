import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { projectPickerList, readPickedProjectIds, typedProjectIdsField } from '../parameters/projectPicker';

/** The optional "only these projects" filter of a report operation. */
export const projectFilterProperty: INodeProperties = projectPickerList({
	name: 'projectList',
	displayName: 'Projects',
	description: 'Only report these projects; none added: every project',
});

/**
 * The multi-select the pickers replaced, for workflows saved with it. Declared once for both reports (a node lists
 * it once, after Usage and Cost): n8n decides whether a parameter shown by its own value is shown before it has read
 * that value when two parameters share the name, and would drop the saved IDs.
 */
export const typedProjectFilterProperty: INodeProperties = {
	...typedProjectIdsField({
		displayName: 'Project Names or IDs',
		name: 'projectIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProjects' },
		default: [],
		description:
			'Only report these projects; leave empty for all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	}),
	displayOptions: { show: { resource: ['cost', 'usage'], operation: ['getAll'], projectIds: [{ _cnd: { exists: true } }] } },
};

/** The picked projects and those a saved workflow holds in the older multi-select (a list, or comma-separated text). */
export function readProjectIds(this: IExecuteFunctions, itemIndex: number): string[] {
	return readPickedProjectIds.call(
		this,
		{ name: 'projectList', label: 'Projects' },
		{ name: 'projectIds', label: 'Project Names or IDs' },
		itemIndex,
	);
}
