import { spendLimitGet } from '../../../shared/resources/spendLimitOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { description, prepare } = spendLimitGet(PROJECT_SPEND);
