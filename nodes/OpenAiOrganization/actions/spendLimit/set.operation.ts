import { spendLimitSet } from '../../../shared/resources/spendLimitOperations';
import { ORGANIZATION_SPEND } from '../../helpers/organizationControls';

export const { description, prepare } = spendLimitSet(
	ORGANIZATION_SPEND,
	"The most the whole organization may spend in a calendar month, in US dollars; OpenAI stops its requests beyond it. Replaces any limit it has, and bounds every project's limit: a project's limit above it is lowered to it.",
);
