import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { PreparedItem } from '../../../shared/execution/operation';
import { choiceProperty } from '../../../shared/parameters/choices';
import { getManyProperties } from '../../../shared/parameters/getMany';
import { readableFile } from '../../helpers/files';
import { orderFilter } from '../../helpers/listOrder';
import { prepareScopedList, scopeFields } from '../../helpers/scope';

/** GET /files takes up to 10,000 a page (the contract's `limit`), not the 100 of the other lists. */
const LARGEST_FILE_PAGE = 10_000;

/** What a file is for (the contract's OpenAIFile.purpose): GET /files lists only those of one purpose when asked. */
const purposeFilter = choiceProperty(
	{ displayName: 'Purpose', name: 'purpose', default: 'batch', description: 'Only files of this purpose' },
	[
		{ name: 'Assistants', value: 'assistants' },
		{ name: 'Assistants Output', value: 'assistants_output' },
		{ name: 'Batch Input', value: 'batch', description: 'The JSONL files Batch > Create uploaded' },
		{ name: 'Batch Output', value: 'batch_output', description: "Batches' output and error files" },
		{ name: 'Fine-Tune', value: 'fine-tune' },
		{ name: 'Fine-Tune Results', value: 'fine-tune-results' },
		{ name: 'User Data', value: 'user_data' },
		{ name: 'Vision', value: 'vision' },
	],
);

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getAll'] } }, [
	...scopeFields,
	...getManyProperties([purposeFilter, { ...orderFilter, default: 'desc' }]),
]);

/** GET /files: the project's files, newest first unless asked otherwise, paged by `after`. */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedItem {
	const { purpose, order } = this.getNodeParameter('filters', itemIndex, {}) as { purpose?: string; order?: string };
	return prepareScopedList.call(this, itemIndex, {
		path: '/files',
		things: 'file',
		qs: { ...(purpose ? { purpose } : {}), ...(order ? { order } : {}) },
		toItem: (file) => readableFile(file),
		largestPage: LARGEST_FILE_PAGE,
	});
}
