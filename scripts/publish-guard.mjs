#!/usr/bin/env node
/**
 * The guard against a publish from anywhere but the publish workflow. n8n lists and verifies community packages
 * published since 2026-05-01 only with npm provenance, which npm can only sign inside a CI run such as GitHub
 * Actions; a version published from a laptop would be unverifiable for good (npm never takes a version number twice).
 *
 * It runs as `prepack`. The project's .npmrc says ignore-scripts=true (see the comment there), which skips
 * `prepublishOnly`, but package.json's publishConfig sets ignore-scripts back to false for `npm publish` alone: npm
 * applies publishConfig to the options it packs the tarball with, so this script runs on every `npm publish` (also
 * with --dry-run), and never on a plain `npm pack` or install.
 *
 * Allowed: `n8n-node release` inside GitHub Actions (the publish workflow), which runs `npm publish` with
 * RELEASE_MODE=true and provenance on.
 */
const env = process.env;
if (env.npm_command !== 'publish') process.exit(0);

const inActions = env.GITHUB_ACTIONS === 'true';
const throughRelease = env.RELEASE_MODE === 'true';
const withProvenance = String(env.npm_config_provenance ?? env.NPM_CONFIG_PROVENANCE) === 'true';
if (inActions && throughRelease && withProvenance) process.exit(0);

const missing = [
	!inActions && 'it does not run inside GitHub Actions',
	!throughRelease && 'it was not started by `n8n-node release` (RELEASE_MODE is not set)',
	!withProvenance && 'npm provenance is off',
].filter(Boolean);
process.stderr.write(
	[
		'',
		'This package is published only by its publish workflow (.github/workflows/publish.yml), with npm provenance.',
		`This publish was refused: ${missing.join('; ')}.`,
		'To release: update CHANGELOG.md and the version, then push a version tag (see docs/release.md); the workflow runs',
		'the tests and `npm run release` (n8n-node release), which publishes with provenance.',
		'',
	].join('\n'),
);
process.exit(1);
