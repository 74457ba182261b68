/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code: runs npm publish --dry-run on the repository */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	scripts: Record<string, string>;
	publishConfig?: Record<string, unknown>;
};

/** The environment of a laptop: nothing of GitHub Actions or n8n-node release, npm's own variables dropped. */
function laptopEnvironment(extra: Record<string, string> = {}) {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value === undefined || /^(npm_|GITHUB_|RELEASE_MODE$|NPM_CONFIG_)/i.test(name)) continue;
		env[name] = value;
	}
	// Nothing may leave the machine: a request to the registry would fail at once.
	return { ...env, npm_config_registry: 'http://127.0.0.1:9/', npm_config_update_notifier: 'false', ...extra };
}

function run(command: string, args: string[], env: Record<string, string>) {
	const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env });
	return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('A publish from outside the publish workflow is refused', () => {
	it('npm publish --dry-run on a laptop is refused, although .npmrc says ignore-scripts=true', () => {
		expect(readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m);
		const { code, output } = run('npm', ['publish', '--dry-run'], laptopEnvironment());
		expect(code).not.toBe(0);
		expect(output).toContain('This publish was refused');
		expect(output).toContain('it does not run inside GitHub Actions');
		expect(output).not.toContain('Publishing to');
	}, 60_000);

	it('with ignore-scripts=true from the environment too (as inside npm run), it is still refused', () => {
		const { code, output } = run('npm', ['publish', '--dry-run'], laptopEnvironment({ npm_config_ignore_scripts: 'true' }));
		expect(code).not.toBe(0);
		expect(output).toContain('This publish was refused');
	}, 60_000);

	it('npm pack is not refused: the guard stops publishing only', () => {
		const { code, output } = run('npm', ['pack', '--dry-run'], laptopEnvironment());
		expect(output).not.toContain('refused');
		expect(code).toBe(0);
	}, 60_000);

	it('the guard lets through only n8n-node release inside GitHub Actions with provenance on', () => {
		const guard = (extra: Record<string, string>) =>
			run(process.execPath, ['scripts/publish-guard.mjs'], laptopEnvironment({ npm_command: 'publish', ...extra })).code;
		const release = { GITHUB_ACTIONS: 'true', RELEASE_MODE: 'true', NPM_CONFIG_PROVENANCE: 'true' };
		expect(guard(release)).toBe(0);
		expect(guard({ ...release, GITHUB_ACTIONS: '' })).toBe(1);
		expect(guard({ ...release, RELEASE_MODE: '' })).toBe(1);
		expect(guard({ ...release, NPM_CONFIG_PROVENANCE: 'false' })).toBe(1);
	});

	it('package.json runs the guard before packing and turns scripts on for npm publish, with provenance', () => {
		expect(pkg.scripts.prepack).toBe('node scripts/publish-guard.mjs');
		expect(pkg.publishConfig).toMatchObject({ 'ignore-scripts': false, provenance: true });
	});
});
