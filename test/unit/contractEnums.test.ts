/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code: reads the repository's own files */
import { readFileSync } from 'node:fs';

import { ORGANIZATION_RETENTION_TYPES, PROJECT_RETENTION_TYPES, USAGE_FILTERS } from '../../nodes/shared/resources/contractEnums';
import { USAGE_KINDS } from '../../nodes/shared/resources/usageKinds';
import { GENERATED_ENUMS_FILE, contractEnums, renderContractEnumsFile } from '../../scripts/contractEnums';
import type { Contract } from '../../scripts/contractEnums';
import { CONTRACT_FILE, readContract } from '../../scripts/eventTypes';

const contract = readContract() as Contract | undefined;
const withContract = contract ? describe : describe.skip;
if (!contract) {
	// A clone without ../shared (a user's): the committed file stands; CI has the contract and checks it.
	// eslint-disable-next-line no-console
	console.log(`contractEnums.test: no contract at ${CONTRACT_FILE}, the staleness check is skipped`);
}

withContract('data retention settings and usage filters come from the contract', () => {
	test('the committed contractEnums.ts is what `npm run generate:contract-enums` writes from the contract today', () => {
		expect(readFileSync(GENERATED_ENUMS_FILE, 'utf8')).toBe(renderContractEnumsFile(contractEnums(contract!)));
	});

	test('a new retention setting or usage filter in the contract is one generation away', () => {
		const changed = JSON.parse(JSON.stringify(contract)) as Contract;
		changed.components.schemas.UpdateProjectDataRetentionBody.properties!.retention_type.enum!.push('thirty_days');
		changed.paths['/organization/usage/embeddings'].get.parameters!.push({ name: 'regions', in: 'query', schema: { type: 'array' } });
		const enums = contractEnums(changed);
		expect(enums.projectRetentionTypes.at(-1)).toBe('thirty_days');
		expect(enums.usageFilters.embeddings.at(-1)).toEqual({ name: 'regions', type: 'list' });
	});
});

test('every usage kind the node offers has its filters, and the paths without users take none', () => {
	for (const kind of USAGE_KINDS) expect(USAGE_FILTERS).toHaveProperty([kind.value]);
	expect(USAGE_FILTERS.vector_stores).toEqual([]);
	expect(USAGE_FILTERS.code_interpreter_sessions).toEqual([]);
	expect(PROJECT_RETENTION_TYPES).toEqual(expect.arrayContaining([...ORGANIZATION_RETENTION_TYPES]));
});
