import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readableItem } from '../../shared/resources/readableItem';
import { objectIdField, objectPath, readObjectId } from '../../shared/parameters/objectId';
import type { ObjectIdKind } from '../../shared/parameters/objectId';

const FILE: ObjectIdKind = {
	displayName: 'File ID',
	name: 'fileId',
	placeholder: 'file-…',
	pattern: /^file-[A-Za-z0-9_-]+$/,
	thing: 'a file',
	hint: 'Use an "id" of File > Get Many, or the "inputFileId" that Batch > Create put out.',
	path: '/files',
	description: 'The file, as File > Get Many (its id) or Batch > Create (its inputFileId) put it out',
};

export function fileIdField(description: string): INodeProperties {
	return { ...objectIdField(FILE), description };
}

export function readFileId(this: IExecuteFunctions, itemIndex: number): string {
	return readObjectId.call(this, FILE, itemIndex);
}

export function filePath(id: string): string {
	return objectPath(FILE, id);
}

/** A file as a person reads it: its name and purpose first, dates in ISO form, then OpenAI's fields unchanged. */
export function readableFile(file: IDataObject, extra: IDataObject = {}): IDataObject {
	const lead: IDataObject = {};
	for (const field of ['filename', 'purpose']) if (file[field] !== undefined) lead[field] = file[field];
	return { ...lead, ...readableItem(file, extra) };
}
