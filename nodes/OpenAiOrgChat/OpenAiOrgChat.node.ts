import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

// Every request of this node explains its resources' refusals in their words (Default project, audit logging…).
import '../shared/resources/refusals';
import { requestOptionsProperty } from '../shared/execution/requestOptions';
import * as batch from './actions/batch';
import * as chat from './actions/chat';
import { executeWithErrorItems } from '../shared/execution/continueOnFail';
import { router } from './actions/router';
import { listSearch } from './methods';

export class OpenAiOrgChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Chat (Organization)',
		name: 'openAiOrgChat',
		icon: { light: 'file:openAiOrgChat.svg', dark: 'file:openAiOrgChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ "Chat with " + ($parameter["model"].cachedResultName || $parameter["model"].value || "a model") }}',
		description: 'Chat completions under the OpenAI organization and project you choose, per item',
		defaults: { name: 'OpenAI Chat (Organization)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openAiOrgApi', required: true }],
		properties: [
			{
				displayName:
					'This node needs a project or user API key (sk-proj-…, sk-…), not an Admin key',
				name: 'keyNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Batch', value: 'batch' },
					{ name: 'Chat', value: 'chat' },
				],
				default: 'chat',
			},
			...chat.description,
			...batch.description,
			requestOptionsProperty,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeWithErrorItems.call(this, router);
	}
}
