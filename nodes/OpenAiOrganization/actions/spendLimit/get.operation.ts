import { spendLimitGet } from '../../../shared/resources/spendLimitOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { description, prepare } = spendLimitGet(ORGANIZATION_SPEND);
