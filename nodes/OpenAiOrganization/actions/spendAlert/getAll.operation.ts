import { spendAlertGetAll } from '../../../shared/resources/spendAlertOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { description, prepare } = spendAlertGetAll(ORGANIZATION_SPEND);
