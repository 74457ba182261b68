import { isObject, type Handler } from '../context';
import * as E from '../errors';
import { findModel } from '../models';
import { HOSTED_TOOLS, type HostedTool, type ProjectControls } from '../projectControls';
import { changeControls, readControls, requireBody } from './controlsCommon';

const MODES = ['allow_list', 'deny_list'];

function modelPermissionsJson(controls: ProjectControls) {
	return {
		object: 'project.model_permissions',
		mode: controls.modelPermissions.mode,
		model_ids: controls.modelPermissions.modelIds,
	};
}

function hostedToolsJson(controls: ProjectControls) {
	return Object.fromEntries(HOSTED_TOOLS.map((tool) => [tool, { enabled: controls.hostedTools[tool] }]));
}

export const retrieveModelPermissions: Handler = (context) => ({
	body: modelPermissionsJson(readControls(context).controls),
});

/** POST …/model_permissions replaces the policy: a mode and the models it names (each one OpenAI serves). */
export const updateModelPermissions: Handler = (context) => {
	const { controls } = changeControls(context);
	const body = requireBody(context.body);
	if (body.mode === undefined || body.mode === null) throw E.missingParameter('mode');
	if (body.model_ids === undefined || body.model_ids === null) throw E.missingParameter('model_ids');
	if (typeof body.mode !== 'string' || !MODES.includes(body.mode))
		throw E.invalidValue('mode', `expected one of ${MODES.map((mode) => `'${mode}'`).join(', ')}.`);
	if (!Array.isArray(body.model_ids)) throw E.invalidType('model_ids', 'an array', body.model_ids);
	for (const model of body.model_ids) {
		if (typeof model !== 'string') throw E.invalidType('model_ids', 'an array of strings', model);
		// ours: OpenAI's text for an unknown model here is not verified.
		if (!findModel(model)) throw E.invalidValue('model_ids', `the model '${model}' does not exist.`);
	}
	controls.modelPermissions = { mode: body.mode as 'allow_list' | 'deny_list', modelIds: [...new Set(body.model_ids as string[])] };
	return { body: modelPermissionsJson(controls) };
};

/** DELETE …/model_permissions: the project goes back to every model allowed. */
export const deleteModelPermissions: Handler = (context) => {
	const { controls } = changeControls(context);
	controls.modelPermissions = { mode: 'deny_list', modelIds: [] };
	return { body: { object: 'project.model_permissions.deleted', deleted: true } };
};

export const retrieveHostedToolPermissions: Handler = (context) => ({
	body: hostedToolsJson(readControls(context).controls),
});

/** POST …/hosted_tool_permissions changes only the tools named (null or absent: unchanged). */
export const updateHostedToolPermissions: Handler = (context) => {
	const { controls } = changeControls(context);
	const body = requireBody(context.body);
	const changes: Array<[HostedTool, boolean]> = [];
	for (const [tool, update] of Object.entries(body)) {
		const known = HOSTED_TOOLS.find((name) => name === tool);
		if (!known) throw E.invalidValue(tool, `unknown hosted tool; expected one of ${HOSTED_TOOLS.join(', ')}.`);
		if (update === null) continue;
		if (!isObject(update)) throw E.invalidType(tool, 'an object', update);
		if (typeof update.enabled !== 'boolean') throw E.invalidType(`${tool}.enabled`, 'a boolean', update.enabled);
		changes.push([known, update.enabled]);
	}
	for (const [tool, enabled] of changes) controls.hostedTools[tool] = enabled;
	return { body: hostedToolsJson(controls) };
};
