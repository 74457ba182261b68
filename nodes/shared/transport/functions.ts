import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

/** The n8n contexts the transport runs in: a node's execution, the editor's pickers, and a polling trigger. */
export type OpenAiFunctions = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;
