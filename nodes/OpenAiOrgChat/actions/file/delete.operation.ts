import type { IDataObject } from 'n8n-workflow';

import { destructiveOperation } from '../../../shared/execution/destructiveOperation';
import type { ScopeOverrides } from '../../../shared/transport';
import { fileIdField, filePath, readableFile, readFileId } from '../../helpers/files';
import { readScope, requestOne, scopeFields } from '../../helpers/scope';

interface FileTarget {
	id: string;
	scope: ScopeOverrides;
}

function describeFile(found: IDataObject, id: string): string {
	const details = [found.purpose, typeof found.bytes === 'number' ? `${found.bytes} bytes` : undefined].filter(Boolean);
	return `file ${found.filename ? `"${String(found.filename)}" ` : ''}(${[id, ...details].join(', ')})`;
}

/**
 * DELETE /files/{id}: removes a file from the project's storage (and from every vector store). Batch > Create
 * uploads one JSONL file per batch that stays there (and counts against the project's storage) until deleted.
 */
export const { destructive, description, prepare } = destructiveOperation<FileTarget>({
	rules: { verb: 'delete', pastTense: 'deleted', items: 'files' },
	show: { resource: ['file'], operation: ['delete'] },
	fields: [
		{
			displayName:
				"Batch > Create uploads one JSONL file per batch, which stays in the project's storage until it is deleted: delete it once the batch's results are read",
			name: 'fileDeleteNotice',
			type: 'notice',
			default: '',
		},
		fileIdField('The file to delete, as File > Get Many (its id) or Batch > Create (its inputFileId) put it out'),
		...scopeFields,
	],
	target(itemIndex) {
		return { id: readFileId.call(this, itemIndex), scope: readScope.call(this, itemIndex) };
	},
	async find({ id, scope }, { itemIndex, limits }) {
		return await requestOne.call(this, 'GET', filePath(id), `file ${id}`, { scope, itemIndex, limits });
	},
	describe: (found, { id }) => describeFile(found, id),
	item: (entry, _target, extra) => readableFile(entry, extra),
	async change({ id, scope }, found, { itemIndex, limits }) {
		const answer = await requestOne.call(this, 'DELETE', filePath(id), `file ${id}`, { scope, itemIndex, limits });
		return readableFile(found, { deleted: answer.deleted ?? true });
	},
});
