import type { INodeProperties } from 'n8n-workflow';

import { projectSettingProperties } from '../../../shared/parameters/operations';
import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = projectSettingProperties('hostedToolPermissions', 'hosted tool permissions', {
	get: { operation: get, description: 'Read which hosted tools a project may use' },
	update: { operation: update, description: 'Switch hosted tools (web search, file search, code interpreter…) on or off in a project' },
});
