import { memberGetOperation } from '../../helpers/memberGet';
import { SERVICE_ACCOUNT } from '../../../shared/resources/projectMembers';

export const { description, prepare } = memberGetOperation('serviceAccount', SERVICE_ACCOUNT, 'The service account to get');
