import { NodeOperationError } from 'n8n-workflow';
import type { ICredentialsDecrypted } from 'n8n-workflow';

import { credentialTypeOf, findCredentialProblem, readCredentialValues } from './credentials';
import type { OpenAiOrgCredentials } from './credentials';
import type { OpenAiFunctions } from './functions';

/** The credential read once: its checked values, and the decrypted form n8n's request helper takes as is. */
export interface LoadedCredentials {
	values: OpenAiOrgCredentials;
	decrypted: ICredentialsDecrypted;
}

/** Reads the node's credential and refuses one that could never work, before any request is sent. */
export async function loadCredentials(this: OpenAiFunctions, itemIndex = 0): Promise<LoadedCredentials> {
	// n8n hands out a deep copy of the node on every getNode(): one per credential read is enough.
	const node = this.getNode();
	const type = credentialTypeOf(node);
	const data = await this.getCredentials(type, itemIndex);
	const values = readCredentialValues(data);
	const problem = findCredentialProblem(values);
	if (problem) throw new NodeOperationError(node, problem, { itemIndex });
	const reference = node.credentials?.[type];
	return {
		values,
		decrypted: { id: reference?.id ?? '', name: reference?.name ?? '', type, data },
	};
}
