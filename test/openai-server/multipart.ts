/** One part of a multipart/form-data body: a field's text, or a file's name and content. */
export interface FormPart {
	name: string;
	filename?: string;
	contentType?: string;
	value: string;
}

/** The boundary of a multipart/form-data content type, or undefined for any other body. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]).trim() : undefined;
}

/** Parses a multipart/form-data body (text parts only, as the Files API's JSONL uploads are). */
export function parseMultipart(body: string, boundary: string): FormPart[] {
	const parts: FormPart[] = [];
	for (const chunk of body.split(`--${boundary}`).slice(1)) {
		if (chunk.startsWith('--')) break;
		const text = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
		const split = text.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = text.slice(0, split);
		const value = text.slice(split + 4);
		const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		if (name === undefined) continue;
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
		const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
		parts.push({ name, filename, contentType, value });
	}
	return parts;
}
