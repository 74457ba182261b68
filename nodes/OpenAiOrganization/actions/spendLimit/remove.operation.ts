import { spendLimitRemove } from '../../../shared/resources/spendLimitOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

/** Without its limit the organization may spend without a cap (its projects keep their own limits). */
export const { destructive, description, prepare } = spendLimitRemove(ORGANIZATION_SPEND);
