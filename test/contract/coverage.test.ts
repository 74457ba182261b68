import { contractOperations, coverageHeadline, operationFor, operationName, summarizeCoverage } from './coverage';
import { contractSpecPaths } from './openapi';

describe('contract coverage', () => {
	const operations = contractOperations();

	it('lists every method of every path in the admin contract and in the model subset (Responses, Files, Batch)', () => {
		expect(operations.length).toBeGreaterThan(68);
		expect(operations).toContainEqual({ method: 'POST', template: '/organization/projects/{project_id}/archive' });
		expect(operations).toContainEqual({ method: 'DELETE', template: '/organization/admin_api_keys/{key_id}' });
		const [admin, model] = contractSpecPaths().map((file) => contractOperations([file]));
		expect(model.map(operationName)).toEqual(
			expect.arrayContaining(['POST /responses/{response_id}/cancel', 'GET /responses/{response_id}/input_items', 'GET /files', 'POST /batches/{batch_id}/cancel']),
		);
		expect(operations).toHaveLength(admin.length + model.length);
		expect(operations.slice(0, admin.length)).toEqual(admin);
	});

	it('puts a model request under its own template: a cancel is not the response it cancels', () => {
		expect(operationFor(operations, 'POST', '/v1/responses/resp_abc/cancel')?.template).toBe('/responses/{response_id}/cancel');
		expect(operationFor(operations, 'GET', '/v1/responses/resp_abc/input_items?limit=2')?.template).toBe('/responses/{response_id}/input_items');
		expect(operationFor(operations, 'GET', '/v1/files/file-abc/content')?.template).toBe('/files/{file_id}/content');
	});

	it('puts a concrete request under its template, a literal segment before a placeholder', () => {
		expect(operationFor(operations, 'GET', '/v1/organization/projects/proj_abc')?.template).toBe('/organization/projects/{project_id}');
		expect(operationFor(operations, 'post', '/v1/organization/projects/proj_abc/archive')?.template).toBe(
			'/organization/projects/{project_id}/archive',
		);
		expect(operationFor(operations, 'GET', '/v1/organization/usage/completions?start_time=1')?.template).toBe('/organization/usage/completions');
		expect(operationFor(operations, 'PUT', '/v1/organization/projects/proj_abc')).toBeUndefined();
	});

	it('counts an operation as exercised only once the server answered it with a 2xx', () => {
		const coverage = summarizeCoverage(
			[
				'GET /v1/organization/projects 200',
				'POST /v1/organization/projects/proj_default/archive 400',
				'GET /v1/organization/not_in_openai 404',
			],
			operations,
		);
		expect(coverage.exercised).toEqual(['GET /organization/projects']);
		expect(coverage.onlyErrors).toEqual(['POST /organization/projects/{project_id}/archive']);
		expect(coverage.missing).toHaveLength(operations.length - 1);
		expect(coverage.outsideContract).toEqual(['GET /v1/organization/not_in_openai']);
		const paths = new Set(operations.map((operation) => operation.template)).size;
		expect(coverage.paths).toBe(paths);
		// GET /organization/projects alone does not complete its path: POST /organization/projects was not exercised
		expect(coverage.pathsComplete).toBe(0);
		expect(coverageHeadline(coverage)).toBe(
			`1 of ${operations.length} operations in the contract are exercised by tests; 0 of ${paths} paths with every method`,
		);
		const bothMethods = summarizeCoverage(['GET /v1/organization/projects 200', 'POST /v1/organization/projects 201'], operations);
		expect(bothMethods.pathsComplete).toBe(1);
	});
});
