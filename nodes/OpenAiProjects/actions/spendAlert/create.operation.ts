import { spendAlertCreate } from '../../../shared/resources/spendAlertOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { description, prepare } = spendAlertCreate(PROJECT_SPEND);
