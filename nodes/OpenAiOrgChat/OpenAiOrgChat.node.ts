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
import { operationActions } from '../shared/parameters/subtitle';
import { resourceProperty } from '../shared/parameters/operations';
import * as batch from './actions/batch';
import * as chat from './actions/chat';
import * as file from './actions/file';
import * as model from './actions/model';
import * as response from './actions/response';
import { executeWithErrorItems } from '../shared/execution/continueOnFail';
import { router } from './actions/router';
import { listSearch } from './methods';

const operationProperties = [
	...chat.description,
	...model.description,
	...response.description,
	...batch.description,
	...file.description,
];

/** "Chat with <model>" for a completion, else the operation's action in words ("Delete a fine-tuned model"). */
const subtitle = `={{ $parameter["operation"] === "complete" ? "Chat with " + ($parameter["model"].cachedResultName || $parameter["model"].value || "a model") : ${JSON.stringify(operationActions(operationProperties))}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;

export class OpenAiOrgChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenAI Chat (Organization)',
		name: 'openAiOrgChat',
		icon: { light: 'file:openAiOrgChat.svg', dark: 'file:openAiOrgChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle,
		description:
			'Chat completions and responses under the OpenAI organization and project you choose, per item; batches, files, stored completions and models',
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
			resourceProperty(
				[
					{ name: 'Batch', value: 'batch' },
					{ name: 'Chat', value: 'chat' },
					{ name: 'File', value: 'file' },
					{ name: 'Model', value: 'model' },
					{ name: 'Response', value: 'response' },
				],
				'chat',
			),
			...operationProperties,
			requestOptionsProperty,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeWithErrorItems.call(this, router);
	}
}
