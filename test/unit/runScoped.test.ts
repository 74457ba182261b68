import { runScoped } from '../../nodes/shared/execution/runScoped';

describe('runScoped: one load per node execution and key', () => {
	it('items of one execution share one load; another execution loads again', async () => {
		const execution = {};
		let loads = 0;
		const load = async () => ++loads;
		const [first, second] = await Promise.all([runScoped(execution, 'projects', load), runScoped(execution, 'projects', load)]);
		expect([first, second, loads]).toEqual([1, 1, 1]);
		expect(await runScoped(execution, 'keys', load)).toBe(2);
		expect(await runScoped({}, 'projects', load)).toBe(3);
	});

	it('a failed load is forgotten, so a later item tries again', async () => {
		const execution = {};
		await expect(runScoped(execution, 'projects', async () => await Promise.reject(new Error('refused')))).rejects.toThrow('refused');
		expect(await runScoped(execution, 'projects', async () => 'read')).toBe('read');
	});
});
