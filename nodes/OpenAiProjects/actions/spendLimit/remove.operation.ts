import { spendLimitRemove } from '../../../shared/resources/spendLimitOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

/** Without its limit a project may spend without a cap. */
export const { destructive, description, prepare } = spendLimitRemove(PROJECT_SPEND);
