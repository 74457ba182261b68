import { spendAlertDelete } from '../../../shared/resources/spendAlertOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { destructive, description, prepare } = spendAlertDelete(PROJECT_SPEND);
