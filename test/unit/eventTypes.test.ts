/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: reads the repository's own files */
import { readFileSync } from 'node:fs';

import { AUDIT_LOG_EVENT_TYPE_OPTIONS, AUDIT_LOG_EVENT_TYPES } from '../../nodes/shared/auditLogs/eventTypes';
import {
	CONTRACT_FILE,
	GENERATED_FILE,
	contractEventTypes,
	readContract,
	readableEventName,
	renderEventTypesFile,
} from '../../scripts/eventTypes';

const contract = readContract() as Parameters<typeof contractEventTypes>[0] | undefined;
const withContract = contract ? describe : describe.skip;
if (!contract) {
	// A clone without ../shared (a user's): the committed file stands; CI has the contract and checks it.
	// eslint-disable-next-line no-console
	console.log(`eventTypes.test: no contract at ${CONTRACT_FILE}, the staleness check is skipped`);
}

withContract('the audit-log event types come from the contract', () => {
	test('the committed contractEventTypes.ts is what `npm run generate:event-types` writes from the contract today', () => {
		expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderEventTypesFile(contractEventTypes(contract!)));
	});

	test('every organization-scoped type of the contract is offered, and no tenant-scoped one', () => {
		const organizationScoped = contractEventTypes(contract!).filter(
			(type) => !type.startsWith('tenant.') && !/^role\.(bound_to|unbound_from)_resource$/.test(type),
		);
		expect(AUDIT_LOG_EVENT_TYPES).toEqual(organizationScoped);
	});
});

describe('the event-type list a user picks from', () => {
	test('the values stored in workflows stay the API names that were offered before', () => {
		for (const type of ['api_key.created', 'invite.sent', 'ip_allowlist.config.activated', 'login.failed', 'scim.enabled', 'user.deleted']) {
			expect(AUDIT_LOG_EVENT_TYPE_OPTIONS).toContainEqual(expect.objectContaining({ value: type }));
		}
		expect(AUDIT_LOG_EVENT_TYPE_OPTIONS).toHaveLength(57);
	});

	test('each type reads as words, with its API name beside it', () => {
		expect(readableEventName('api_key.created')).toBe('API key created');
		expect(readableEventName('ip_allowlist.config.activated')).toBe('IP allowlist config activated');
		expect(AUDIT_LOG_EVENT_TYPE_OPTIONS).toContainEqual({ name: 'SCIM enabled (scim.enabled)', value: 'scim.enabled' });
	});
});
