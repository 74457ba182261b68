import { spendLimitSet } from '../../../shared/resources/spendLimitOperations';
import { PROJECT_SPEND } from '../../helpers/projectSpend';

export const { description, prepare } = spendLimitSet(
	PROJECT_SPEND,
	"The most the project may spend in a calendar month, in US dollars; OpenAI stops its requests beyond it. Replaces any limit the project has. It cannot be above the organization's hard spend limit.",
);
