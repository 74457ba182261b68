import { spendAlertGet } from '../../../shared/resources/spendAlertOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { description, prepare } = spendAlertGet(ORGANIZATION_SPEND);
