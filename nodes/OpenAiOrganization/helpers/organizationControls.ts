import { ORGANIZATION_RETENTION_TYPES } from '../../shared/resources/contractEnums';
import type { RetentionScope } from '../../shared/resources/dataRetention';
import { withDollarAmounts } from '../../shared/resources/money';
import type { SpendScope } from '../../shared/resources/spendScope';

const ORGANIZATION = 'the organization';

/** The organization's own spend alerts and hard limit: no field names it, the key's organization is the one. */
export const ORGANIZATION_SPEND: SpendScope = {
	ownerFields: () => [],
	owner: () => '',
	alertsPath: () => '/organization/spend_alerts',
	limitPath: () => '/organization/spend_limit',
	words: () => ORGANIZATION,
	whose: "the organization's",
	item: (_owner, answer, extra = {}) => ({ ...withDollarAmounts(answer), ...extra }),
};

/** The organization's data retention setting: what its projects follow unless they have their own. */
export const ORGANIZATION_RETENTION: RetentionScope = {
	ownerFields: () => [],
	owner: () => '',
	path: () => '/organization/data_retention',
	words: () => ORGANIZATION,
	whose: "the organization's",
	types: ORGANIZATION_RETENTION_TYPES,
	meanings: {},
	item: (_owner, answer, extra = {}) => ({ ...answer, ...extra }),
};
