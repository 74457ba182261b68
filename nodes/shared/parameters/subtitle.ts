import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// Subtitles are built from the same option texts that n8n's node panel lists as actions and events, so the two
// cannot drift apart and no map is kept by hand.

function actionOf(option: INodePropertyOptions): string {
	return option.action ?? option.name;
}

/** `resource:operation` → the operation's action text, for every Operation parameter in the properties. */
export function operationActions(properties: INodeProperties[]): Record<string, string> {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		const resources = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const resource of resources) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				actions[`${resource}:${String(option.value)}`] = actionOf(option);
			}
		}
	}
	return actions;
}

/** The subtitle of a resource/operation node: the chosen operation's action, e.g. "Archive a project". */
export function operationSubtitle(properties: INodeProperties[]): string {
	return `={{ ${JSON.stringify(operationActions(properties))}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/**
 * The subtitle of a trigger with an "Events" multi-select: the first chosen event's action, and how many more,
 * e.g. "On a new audit-log event (+1 more)".
 */
export function eventsSubtitle(events: INodeProperties): string {
	const actions: Record<string, string> = {};
	for (const option of (events.options ?? []) as INodePropertyOptions[]) actions[String(option.value)] = actionOf(option);
	const chosen = `$parameter["${events.name}"]`;
	return `={{ ${JSON.stringify(actions)}[${chosen}[0]] + (${chosen}.length > 1 ? " (+" + (${chosen}.length - 1) + " more)" : "") }}`;
}
