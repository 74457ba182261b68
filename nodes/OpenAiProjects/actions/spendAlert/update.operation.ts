import { spendAlertUpdate } from '../../../shared/resources/spendAlertOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { description, prepare } = spendAlertUpdate(PROJECT_SPEND);
