import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { listPages } from '../../../shared/transport';
import { parseMoment } from '../../../shared/time/dates';
import { readLimit } from '../../../shared/execution/listLimit';
import { checkChoice, optionsNamedAfterValues } from '../../../shared/parameters/choices';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { toProjectItem } from '../../../shared/resources/projects';
import type { Project } from '../../../shared/resources/projects';

const STATUSES = ['any', 'active', 'archived'];

const properties: INodeProperties[] = [
	...getManyProperties([
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: 'Only projects created after this moment',
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description:
				'Only projects created before this moment, e.g. {{ $now.minus({ days: 90 }) }} for stale projects',
		},
		{
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description: 'Whether to include archived projects (OpenAI leaves them out by default)',
		},
		{
			displayName: 'Name Contains',
			name: 'nameContains',
			type: 'string',
			default: '',
			description: 'Only projects whose name contains this text (case-insensitive)',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'any',
			options: optionsNamedAfterValues(STATUSES),
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['getAll'] } }, properties);

interface ProjectFilter {
	includeArchived: boolean;
	status: 'any' | 'active' | 'archived';
	createdAfter?: number;
	createdBefore?: number;
	nameContains: string;
}

/** A filter date as unix seconds; a date without a time zone is UTC (see parseMoment). */
function readFilterDate(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number | undefined {
	const date = parseMoment(value);
	if (date === undefined) return undefined;
	if (!date.isValid) {
		throw new NodeOperationError(this.getNode(), `"${label}" is not a date: "${String(value)}"`, {
			itemIndex,
			description: 'Use a date like 2026-01-31 or an expression such as {{ $now.minus({ days: 90 }) }}.',
		});
	}
	return date.toSeconds();
}

function readFilter(this: IExecuteFunctions, itemIndex: number): ProjectFilter {
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const status = checkChoice.call(this, {
		label: 'Status',
		value: (raw.status as string) ?? 'any',
		allowed: STATUSES,
		itemIndex,
	}) as ProjectFilter['status'];
	const filter: ProjectFilter = {
		// Archived projects are only listed when asked for, so a status filter on them must ask.
		includeArchived: raw.includeArchived === true || status === 'archived',
		status,
		createdAfter: readFilterDate.call(this, raw.createdAfter, 'Created After', itemIndex),
		createdBefore: readFilterDate.call(this, raw.createdBefore, 'Created Before', itemIndex),
		nameContains: String(raw.nameContains ?? '').trim().toLowerCase(),
	};
	if (filter.createdAfter !== undefined && filter.createdBefore !== undefined && filter.createdAfter >= filter.createdBefore) {
		throw new NodeOperationError(this.getNode(), '"Created After" must be earlier than "Created Before"', {
			itemIndex,
			description: 'With these two dates no project can match.',
		});
	}
	return filter;
}

function matches(project: Project, filter: ProjectFilter): boolean {
	if (filter.status !== 'any' && project.status !== filter.status) return false;
	if (filter.createdAfter !== undefined && !(project.created_at > filter.createdAfter)) return false;
	if (filter.createdBefore !== undefined && !(project.created_at < filter.createdBefore)) return false;
	if (filter.nameContains && !(project.name ?? '').toLowerCase().includes(filter.nameContains)) return false;
	return true;
}

export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const limit = readLimit.call(this, itemIndex, 'project');
	const filter = readFilter.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => await listProjects.call(this, limit, filter, itemIndex, limits) };
}

async function listProjects(
	this: IExecuteFunctions,
	limit: number,
	filter: ProjectFilter,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject[]> {
	const projects: IDataObject[] = [];
	const filtersNothing =
		filter.status === 'any' && filter.createdAfter === undefined && filter.createdBefore === undefined && !filter.nameContains;
	const pages = listPages.call(this, {
		path: '/organization/projects',
		qs: filter.includeArchived ? { include_archived: true } : {},
		itemIndex,
		// Without filters every item read is kept, so a Limit bounds the pages too.
		wanted: filtersNothing ? limit : undefined,
		...limits,
	});
	for await (const page of pages) {
		for (const project of page as Project[]) {
			if (!matches(project, filter)) continue;
			projects.push(toProjectItem(project));
			if (projects.length >= limit) return projects;
		}
	}
	return projects;
}
