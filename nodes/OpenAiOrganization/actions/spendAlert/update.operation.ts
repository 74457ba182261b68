import { spendAlertUpdate } from '../../../shared/resources/spendAlertOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { description, prepare } = spendAlertUpdate(ORGANIZATION_SPEND);
