import { certificateToggles } from '../../../shared/resources/certificateActivation';
import { getProjectId } from '../../../shared/resources/projects';
import { projectLocator } from '../../helpers/projectLocator';

/** Activate and Deactivate in one project (OpenAI Organization has the same for the whole organization). */
export const { activate, deactivate } = certificateToggles({
	resource: 'projectCertificate',
	scopeFields: [projectLocator],
	scope(itemIndex) {
		return { projectId: getProjectId.call(this, itemIndex) };
	},
});
