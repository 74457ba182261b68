import type { IDataObject } from 'n8n-workflow';

import type { OpenAiResponse } from '../../shared/transport';

export interface ChatCompletion extends IDataObject {
	id: string;
	model: string;
	choices: Array<{
		index: number;
		message: { role: string; content: string | null; refusal?: string | null };
		finish_reason: string;
	}>;
	usage?: IDataObject;
	service_tier?: string | null;
}

function headerText(headers: IDataObject, name: string): string | undefined {
	const value = headers[name];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Who was billed: the organization and project sent, or, when none was sent, the ones OpenAI says it used.
 * That answer is the point of this node, so every output item carries it.
 */
export function billingFields(response: OpenAiResponse<IDataObject>): IDataObject {
	return {
		// "" when neither was sent nor named by OpenAI: a string either way, so IF/Filter string checks just work.
		organizationId: response.organizationId || headerText(response.headers, 'openai-organization') || '',
		projectId: response.projectId || headerText(response.headers, 'openai-project') || '',
		requestId: response.requestId ?? null,
	};
}

/** The first choice's answer and what it cost; `content` is already parsed in JSON mode. */
export function simplifyCompletion(
	response: OpenAiResponse<ChatCompletion>,
	content: unknown,
): IDataObject {
	const [choice] = response.body.choices ?? [];
	const item: IDataObject = {
		content: content as IDataObject,
		role: choice?.message?.role ?? 'assistant',
		finish_reason: choice?.finish_reason ?? null,
		model: response.body.model,
		usage: response.body.usage ?? null,
		id: response.body.id,
	};
	// The tier that served it, which may differ from the one asked (auto → default).
	if (response.body.service_tier) item.service_tier = response.body.service_tier;
	if (choice?.message?.refusal) item.refusal = choice.message.refusal;
	return { ...item, ...billingFields(response) };
}
