import { spendAlertDelete } from '../../../shared/resources/spendAlertOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { destructive, description, prepare } = spendAlertDelete(ORGANIZATION_SPEND);
