import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/** The n8n contexts the transport runs in: a node's execution, and the editor's pickers. */
export type OpenAiFunctions = IExecuteFunctions | ILoadOptionsFunctions;
