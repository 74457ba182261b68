import { projectSettingReader } from '../../helpers/inProject';

export const HOSTED_TOOL_PERMISSIONS = 'hosted_tool_permissions';

export const { description, prepare } = projectSettingReader(
	'hostedToolPermissions',
	HOSTED_TOOL_PERMISSIONS,
	'The project whose hosted tools to read',
);
