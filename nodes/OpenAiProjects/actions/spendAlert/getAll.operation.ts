import { spendAlertGetAll } from '../../../shared/resources/spendAlertOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { description, prepare } = spendAlertGetAll(PROJECT_SPEND);
