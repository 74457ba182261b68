import { spendAlertCreate } from '../../../shared/resources/spendAlertOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { description, prepare } = spendAlertCreate(ORGANIZATION_SPEND);
