import { spendAlertGet } from '../../../shared/resources/spendAlertOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { description, prepare } = spendAlertGet(PROJECT_SPEND);
