import { dataRetentionGet } from '../../../shared/resources/dataRetention';
import { PROJECT_RETENTION } from '../../helpers/projectRetention';

export const { description, prepare } = dataRetentionGet(PROJECT_RETENTION);
