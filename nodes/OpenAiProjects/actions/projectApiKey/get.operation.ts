import { memberGetOperation } from '../../helpers/memberGet';
import { PROJECT_API_KEY } from '../../../shared/resources/projectMembers';
import { daysSinceLastUse, ownerFields } from './keys';

export const { description, prepare } = memberGetOperation(
	'projectApiKey',
	PROJECT_API_KEY,
	'The API key to get (its ID, never the key itself)',
	(key) => ({ ...ownerFields(key), daysSinceLastUse: daysSinceLastUse(key, Math.floor(Date.now() / 1000)) }),
	true,
);
