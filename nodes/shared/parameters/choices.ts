import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// The choices of an "options" parameter, and the check of what an item chose (an expression may give anything).

/** A value in title case: 'service_account' → "Service Account". */
function titleOf(value: string): string {
	return value
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** One option per value, named after it in title case: 'service_account' → "Service Account". */
export function optionsNamedAfterValues(values: readonly string[]): INodePropertyOptions[] {
	return values.map((value) => ({ name: titleOf(value), value }));
}

/** One option per value, named after it in title case, with what it means: { owner: 'Can…' } → "Owner", "Can…". */
export function describedOptions(meanings: Record<string, string>): INodePropertyOptions[] {
	return Object.entries(meanings).map(([value, description]) => ({ name: titleOf(value), value, description }));
}

/** "a, b or c": the values a message names. */
export function orList(values: readonly string[]): string {
	return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values.join('');
}

interface Choice {
	/** the parameter's label, e.g. 'Status' */
	label: string;
	value: string;
	/** the values allowed, in the order the message names them */
	allowed: readonly string[];
	itemIndex: number;
	/** how to fix it, when the message alone does not say */
	description?: string;
}

/**
 * The chosen value, refused before any request when it is not one of `allowed`:
 * `"Status" must be any, active or archived, not "deleted"`.
 */
export function checkChoice(this: IExecuteFunctions, choice: Choice): string {
	if (choice.allowed.includes(choice.value)) return choice.value;
	throw new NodeOperationError(this.getNode(), `"${choice.label}" must be ${orList(choice.allowed)}, not "${choice.value}"`, {
		itemIndex: choice.itemIndex,
		...(choice.description === undefined ? {} : { description: choice.description }),
	});
}

interface ChoiceText {
	displayName: string;
	name: string;
	default: string;
	description?: string;
}

/** An "options" parameter: one of `options`, e.g. a role or a mode. Check what an item chose with checkChoice. */
export function choiceProperty(text: ChoiceText, options: INodePropertyOptions[]): INodeProperties {
	const { displayName, name, default: chosenAtFirst, description } = text;
	return {
		displayName,
		name,
		type: 'options',
		default: chosenAtFirst,
		options,
		...(description === undefined ? {} : { description }),
	};
}
