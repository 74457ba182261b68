import { projectPicker } from '../../shared/parameters/projectPicker';

/** The "Project" field of the operations on one project: the shared organization-wide project picker. */
export const projectLocator = projectPicker();
