import { memberGetOperation } from '../../helpers/memberGet';
import { PROJECT_USER } from '../../../shared/resources/projectMembers';

export const { description, prepare } = memberGetOperation('projectUser', PROJECT_USER, "The project's user to get");
