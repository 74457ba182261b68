import { certificateListPath, toCertificateItem } from '../../../shared/resources/certificates';
import { listOperation } from '../../../shared/resources/organizationObjects';
import { getProjectId } from '../../../shared/resources/projects';
import { projectLocator } from '../../helpers/projectLocator';

/** The organization's certificates as the project sees them: each active in the project or not. */
export const { description, prepare } = listOperation({
	resource: 'projectCertificate',
	things: 'certificate',
	fields: [projectLocator],
	path(itemIndex) {
		return certificateListPath({ projectId: getProjectId.call(this, itemIndex) });
	},
	toItem(entry, itemIndex, context) {
		return toCertificateItem(entry, { projectId: getProjectId.call(context, itemIndex) });
	},
});
