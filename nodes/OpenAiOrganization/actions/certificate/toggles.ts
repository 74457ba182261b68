import { certificateToggles } from '../../../shared/resources/certificateActivation';

/** Activate and Deactivate in the organization (OpenAI Projects has the same per project). */
export const { activate, deactivate } = certificateToggles({ resource: 'certificate', scopeFields: [], scope: () => ({}) });
