import type { INodeProperties } from 'n8n-workflow';

import { projectSettingProperties } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export { get, remove, update };

export const description: INodeProperties[] = projectSettingProperties('modelPermissions', 'model permissions', {
	get: { operation: get, description: "Read which models a project may use" },
	update: { operation: update, description: 'Allow only some models, or block some models, in a project' },
	remove: { operation: remove, description: "Remove a project's model restrictions (it may then use every model)" },
});
