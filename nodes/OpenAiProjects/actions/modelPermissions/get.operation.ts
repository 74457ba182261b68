import { projectSettingReader } from '../../helpers/inProject';

export const MODEL_PERMISSIONS = 'model_permissions';

export const { description, prepare } = projectSettingReader(
	'modelPermissions',
	MODEL_PERMISSIONS,
	'The project whose model allow list or deny list to read',
);
