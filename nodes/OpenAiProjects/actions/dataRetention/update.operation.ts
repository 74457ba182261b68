import { dataRetentionUpdate } from '../../../shared/resources/dataRetention';
import { PROJECT_RETENTION } from '../../helpers/projectRetention';

export const { description, prepare } = dataRetentionUpdate(PROJECT_RETENTION);
