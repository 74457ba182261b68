import { explainRoleRefusal } from '../../nodes/shared/resources/roleRefusals';

const refusal = (openAiCode: string | null, openAiMessage: string, status = 400) => ({ status, openAiCode, openAiMessage, retries: 0 });

describe("OpenAI's refusals about roles", () => {
	it('name the organization or the project whose last owner would go, by the path asked', () => {
		const lastOwner = refusal('last_owner', 'The organization must keep at least one owner.');
		expect(explainRoleRefusal(lastOwner, { path: '/organization/users/user-a/roles/role_o' })?.message).toBe(
			'The organization keeps at least one owner, and this is its last one',
		);
		expect(explainRoleRefusal(lastOwner, { path: '/projects/proj_a/users/user-a/roles/role_o' })?.message).toBe(
			'The project keeps at least one owner, and this is its last one',
		);
	});

	it('read a predefined role and a taken name, and leave other paths and statuses to the others', () => {
		expect(explainRoleRefusal(refusal(null, "Role 'role_o' is predefined and managed by OpenAI"), { path: '/organization/roles/role_o' })?.fix).toMatch(
			/Create a custom role/,
		);
		expect(explainRoleRefusal(refusal('role_name_taken', 'taken'), { path: '/projects/proj_a/roles' })?.message).toBe('A role with this name already exists');
		expect(explainRoleRefusal(refusal('last_owner', 'last owner'), { path: '/organization/projects/proj_a/users/user-a' })).toBeUndefined();
		expect(explainRoleRefusal(refusal('predefined_role', 'predefined', 404), { path: '/organization/roles/role_o' })).toBeUndefined();
	});
});
