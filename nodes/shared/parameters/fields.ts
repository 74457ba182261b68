import type { INodeProperties } from 'n8n-workflow';

/**
 * The required "Name" of something new (a project, a service account, an Admin key, a group): one field declared
 * once, with the placeholder and description each resource gives it.
 */
export function requiredNameProperty(placeholder: string, description: string): INodeProperties {
	return { displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder, description };
}
