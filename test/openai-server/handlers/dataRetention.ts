import type { Handler } from '../context';
import * as E from '../errors';
import {
	callerControls,
	ORGANIZATION_RETENTION_TYPES,
	PROJECT_RETENTION_TYPES,
	type OrganizationRetentionType,
	type ProjectRetentionType,
} from '../organizationControls';
import type { Route } from '../routes';
import { changeControls, readControls, requireBody } from './controlsCommon';

/** The body's retention_type, one of `allowed` (UpdateOrganizationDataRetentionBody / UpdateProjectDataRetentionBody). */
function readRetentionType<T extends string>(raw: unknown, allowed: readonly T[]): T {
	const body = requireBody(raw);
	const value = body.retention_type;
	if (value === undefined || value === null) throw E.missingParameter('retention_type');
	if (typeof value !== 'string') throw E.invalidType('retention_type', 'a string', value);
	if (!(allowed as readonly string[]).includes(value))
		throw E.invalidValue('retention_type', `expected one of ${allowed.map((type) => `'${type}'`).join(', ')}.`);
	return value as T;
}

export const retrieveOrganizationDataRetention: Handler = (context) => ({
	body: { object: 'organization.data_retention', type: callerControls(context).dataRetention },
});

export const updateOrganizationDataRetention: Handler = (context) => {
	const controls = callerControls(context);
	controls.dataRetention = readRetentionType<OrganizationRetentionType>(context.body, ORGANIZATION_RETENTION_TYPES);
	return { body: { object: 'organization.data_retention', type: controls.dataRetention } };
};

/** A project follows its organization ('organization_default') until it is given its own setting. */
export const retrieveProjectDataRetention: Handler = (context) => {
	const { project } = readControls(context);
	const type = callerControls(context).projectRetention[project.id] ?? 'organization_default';
	return { body: { object: 'project.data_retention', type } };
};

/** An archived project cannot be changed (OpenAI's rule for every project setting). */
export const updateProjectDataRetention: Handler = (context) => {
	const { project } = changeControls(context);
	const type = readRetentionType<ProjectRetentionType>(context.body, PROJECT_RETENTION_TYPES);
	callerControls(context).projectRetention[project.id] = type;
	return { body: { object: 'project.data_retention', type } };
};

/** The organization's and each project's data retention controls. */
export const DATA_RETENTION_ROUTES: readonly Route[] = [
	['GET', '', retrieveOrganizationDataRetention] as const,
	['POST', '', updateOrganizationDataRetention] as const,
	['GET', '/projects/(?<project_id>[^/]+)', retrieveProjectDataRetention] as const,
	['POST', '/projects/(?<project_id>[^/]+)', updateProjectDataRetention] as const,
].map(([method, scope, handler]) => ({
	method,
	pattern: new RegExp(`^/v1/organization${scope}/data_retention$`),
	scope: 'api.management.read',
	handler,
}));
