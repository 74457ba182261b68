import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Minimal stand-ins for n8n's Manual and Schedule triggers, so node tests never need n8n installed. The harness
 * puts the start items on the execution stack; the stand-in passes them on, as a trigger emits its items.
 */
function triggerStandIn(name: string, displayName: string): INodeType {
	return {
		description: {
			displayName,
			name,
			group: ['trigger'],
			version: [1, 1.1, 1.2, 1.3],
			description: `Harness stand-in for n8n's ${displayName}`,
			defaults: { name: displayName },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [this.getInputData()];
		},
	};
}

export const triggerStandIns: Record<string, INodeType> = {
	manualTrigger: triggerStandIn('manualTrigger', 'Manual Trigger'),
	scheduleTrigger: triggerStandIn('scheduleTrigger', 'Schedule Trigger'),
};
