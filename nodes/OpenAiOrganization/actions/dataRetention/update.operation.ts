import { dataRetentionUpdate } from '../../../shared/resources/dataRetention';
import { ORGANIZATION_RETENTION } from '../../helpers/organizationControls';

export const { description, prepare } = dataRetentionUpdate(ORGANIZATION_RETENTION);
