/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs in plain Node, never inside n8n; it starts the CLI under test */
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ALL_FIXTURE_KEYS } from '..';
import { validateResponse } from '../../contract/openapi';
import { parseCliOptions } from '../cliOptions';

test('the CLI flags become server options', () => {
	expect(
		parseCliOptions([
			'--port',
			'8787',
			'--projects',
			'500',
			'--latency',
			'20',
			'--seed',
			'7',
			'--admin-rate-limit',
			'10',
		]),
	).toEqual({
		port: 8787,
		projects: 500,
		latencyMs: 20,
		seed: 7,
		adminRateLimitPerMinute: 10,
	});
	expect(parseCliOptions(['--latency', '10-50']).latencyMs).toEqual([10, 50]);
});

test('--projects may name a JSON file of projects', () => {
	const file = join(mkdtempSync(join(tmpdir(), 'openai-server-')), 'projects.json');
	writeFileSync(file, JSON.stringify([{ name: 'From File' }]));
	expect(parseCliOptions(['--projects', file]).projects).toEqual([{ name: 'From File' }]);
});

test('unknown flags and bad numbers are refused with the usage line', () => {
	expect(() => parseCliOptions(['--colour', 'red'])).toThrow(/Unknown option --colour\. Usage:/);
	expect(() => parseCliOptions(['--port', 'eighty'])).toThrow(
		"--port expects a whole number, got 'eighty'.",
	);
	expect(() => parseCliOptions(['--port'])).toThrow(/--port needs a value/);
});

test('the CLI prints its URL first, never a full key, and stops on SIGTERM', async () => {
	const cli = spawn(
		process.execPath,
		[
			require.resolve('ts-node/dist/bin.js'),
			'--transpile-only',
			resolve(__dirname, '../cli.ts'),
			'--port',
			'0',
			'--projects',
			'5',
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	await new Promise<void>((done, fail) => {
		const timer = setTimeout(() => fail(new Error(`CLI did not start: ${output}`)), 15_000);
		cli.stdout.on('data', () => {
			if (output.includes('BAD_KEY=')) {
				clearTimeout(timer);
				done();
			}
		});
	});
	const [firstLine] = output.split('\n');
	expect(firstLine).toMatch(/^OpenAI test server listening on http:\/\/127\.0\.0\.1:\d+\/v1$/);
	const url = firstLine.replace('OpenAI test server listening on ', '');
	const answer = await fetch(`${url}/models`);
	expect(answer.status).toBe(401);
	expect(validateResponse('GET', '/models', answer.status, await answer.json())).toEqual([]);
	for (const key of ALL_FIXTURE_KEYS) expect(output).not.toContain(key);

	const exitCode = await new Promise<number | null>((done) => {
		cli.on('exit', (code) => done(code));
		cli.kill('SIGTERM');
	});
	expect(exitCode).toBe(0);
}, 20_000);
