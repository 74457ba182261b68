import { DateTime } from 'luxon';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { readRequestLimits } from '../../../shared/execution/requestOptions';
import type { RequestLimits } from '../../../shared/execution/requestOptions';
import { listPages } from '../../../shared/transport';
import { projectIdsOfList, projectPickerList } from '../../../shared/parameters/projectPicker';
import { ACTIVITY_SOURCES } from '../../helpers/activitySources';
import { readProjectKeys } from '../../../shared/resources/projectKeys';
import { readBuckets } from '../../../shared/resources/report';
import { isDefaultProject, toProjectItem } from '../../../shared/resources/projects';
import type { Project } from '../../../shared/resources/projects';
import { ageInDays, byLongestIdle, isActive, recordKeys, recordReport, staleItem, staleWindow } from '../../helpers/staleProjects';
import type { ActivityLedger, StaleWindow } from '../../helpers/staleProjects';
import { optionsCollection } from '../../../shared/parameters/collections';

const DAY_SECONDS = 86_400;

const properties: INodeProperties[] = [
	{
		displayName: 'Inactive For (Days)',
		name: 'inactiveDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 30,
		description:
			'A project is stale when it had no cost, no usage of any kind and no API key used in this many days',
	},
	optionsCollection([
		projectPickerList({
			name: 'ignoreProjectList',
			displayName: 'Ignore Projects',
			description: 'Projects never to list, picked from the organization',
		}),
		{
			displayName: 'Ignore Projects by Name or ID',
			name: 'ignoreProjects',
			type: 'string',
			default: '',
			placeholder: 'proj_abc123, Legal Archive',
			description: 'Names or IDs of projects never to list, separated by commas or new lines (names in any case)',
		},
		{
			displayName: 'Include Evidence',
			name: 'includeEvidence',
			type: 'boolean',
			default: false,
			description:
				'Whether to add what was found per kind (costs, each usage report, each API key) to every item, for a report',
		},
		{
			displayName: 'Look Back (Days)',
			name: 'lookBackDays',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 90,
			description:
				'How far back to read costs and usage to find when a stale project was last active (never less than Inactive For). Every 31 days more cost one request per usage kind.',
		},
		{
			displayName: 'Minimum Age (Days)',
			name: 'minimumAgeDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 30,
			description: 'Projects created fewer days ago than this are never listed',
		},
	], 'staleOptions'),
];

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['findStale'] } }, properties);

interface StaleSettings {
	window: StaleWindow;
	minimumAgeDays: number;
	ignore: Set<string>;
	includeEvidence: boolean;
}

function wholeDays(this: IExecuteFunctions, value: unknown, label: string, min: number, itemIndex: number): number {
	const days = Number(value);
	if (!Number.isInteger(days) || days < min) {
		throw new NodeOperationError(this.getNode(), `"${label}" must be a whole number of days of at least ${min}, not ${String(value)}`, {
			itemIndex,
			description: `Enter a number of days such as 30 in "${label}".`,
		});
	}
	return days;
}

/** Names or IDs, from a text (commas or new lines) or a list given by an expression; compared in lower case. */
function readIgnored(raw: unknown): Set<string> {
	const values = Array.isArray(raw) ? raw : String(raw ?? '').split(/[,\n]/);
	return new Set(values.map((value) => String(value).trim().toLowerCase()).filter((value) => value !== ''));
}

function readSettings(this: IExecuteFunctions, itemIndex: number): StaleSettings {
	const inactiveDays = wholeDays.call(this, this.getNodeParameter('inactiveDays', itemIndex, 30), 'Inactive For (Days)', 1, itemIndex);
	const options = this.getNodeParameter('staleOptions', itemIndex, {}) as IDataObject;
	const lookBackDays = wholeDays.call(this, options.lookBackDays ?? 90, 'Look Back (Days)', 1, itemIndex);
	const minimumAgeDays = wholeDays.call(this, options.minimumAgeDays ?? 30, 'Minimum Age (Days)', 0, itemIndex);
	return {
		window: staleWindow(Math.floor(DateTime.now().toSeconds()), inactiveDays, lookBackDays),
		minimumAgeDays,
		ignore: new Set([...readIgnored(options.ignoreProjects), ...projectIdsOfList(options.ignoreProjectList).map((id) => id.toLowerCase())]),
		includeEvidence: options.includeEvidence === true,
	};
}

/** Active projects that may be listed at all: not the Default project, old enough, not ignored. */
function isEligible(project: Project, settings: StaleSettings): boolean {
	if (isDefaultProject(project)) return false;
	if (ageInDays(project, settings.window.now) < settings.minimumAgeDays) return false;
	const ignored = settings.ignore;
	return !ignored.has(project.id.toLowerCase()) && !ignored.has((project.name ?? '').trim().toLowerCase());
}

/**
 * Costs and every usage report, grouped by project, cover all projects in a few pages each; only projects that
 * still look stale after them have their keys listed. A report is skipped once no candidate is left.
 */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const settings = readSettings.call(this, itemIndex);
	const limits = readRequestLimits.call(this, itemIndex);
	return { send: async () => await findStaleProjects.call(this, settings, itemIndex, limits) };
}

async function findStaleProjects(
	this: IExecuteFunctions,
	settings: StaleSettings,
	itemIndex: number,
	limits: RequestLimits,
): Promise<IDataObject[]> {
	const { window } = settings;

	let candidates: Project[] = [];
	for await (const page of listPages.call(this, { path: '/organization/projects', qs: {}, itemIndex, ...limits })) {
		for (const project of page as Project[]) if (project.status !== 'archived' && isEligible(project, settings)) candidates.push(project);
	}

	const ledger: ActivityLedger = new Map();
	for (const source of ACTIVITY_SOURCES) {
		if (candidates.length === 0) break;
		const buckets = await readBuckets.call(this, {
			path: source.path,
			qs: {
				start_time: window.lookBackStart,
				end_time: Math.floor(window.now / DAY_SECONDS) * DAY_SECONDS + DAY_SECONDS,
				bucket_width: '1d',
				limit: source.pageSize,
				group_by: ['project_id'],
			},
			itemIndex,
			...limits,
		});
		recordReport(ledger, source, buckets, window);
		candidates = candidates.filter((project) => !isActive(ledger, project.id, window));
	}

	const stale: IDataObject[] = [];
	for (const project of candidates) {
		const keys = await readProjectKeys.call(this, project.id, itemIndex, limits);
		recordKeys(ledger, project.id, keys);
		if (isActive(ledger, project.id, window)) continue;
		stale.push(staleItem(toProjectItem(project), project, ledger, window, settings.includeEvidence ? ACTIVITY_SOURCES : undefined));
	}
	return stale.sort(byLongestIdle);
}
