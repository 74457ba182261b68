import { dataRetentionGet } from '../../../shared/resources/dataRetention';
import { ORGANIZATION_RETENTION } from '../../helpers/organizationControls';

export const { description, prepare } = dataRetentionGet(ORGANIZATION_RETENTION);
