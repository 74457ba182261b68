'use strict';
/** Builds and packs the package as users get it, and installs the pinned n8n and the tarball. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runCommand } = require('./processes');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function readPackageJson() {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
}

// Inside `npm run`, npm exports its configuration to children, the project's ignore-scripts=true among it (.npmrc).
// The npm commands started here get the caller's registry, proxy, certificate and cache settings, and nothing else.
const KEPT_NPM_SETTINGS = /^npm_config_(registry|@.*:registry|.*proxy|cafile|ca|strict_ssl|cache|userconfig|globalconfig|nodedir)$/i;

function npmEnvironment() {
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!/^npm_config_/i.test(name) || KEPT_NPM_SETTINGS.test(name)) env[name] = value;
	}
	return { ...env, npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false' };
}

/** Where scripts/install-n8n.sh keeps n8n, and the demo its n8n user folder. */
function cacheRoot() {
	return process.env.N8N_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-openai-org');
}

async function buildPackage() {
	return await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, env: npmEnvironment(), timeoutMs: 180_000 });
}

/** Returns the tarball's path, in a temp folder of its own. */
async function packPackage() {
	const destination = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-pack-'));
	const result = await runCommand('npm', ['pack', '--pack-destination', destination, '--loglevel=error'], {
		cwd: REPO_ROOT,
		env: npmEnvironment(),
	});
	const tarball = fs.readdirSync(destination).find((file) => file.endsWith('.tgz'));
	if (result.code !== 0 || !tarball) throw new Error(`npm pack failed:\n${result.stderr.slice(-2000)}`);
	return path.join(destination, tarball);
}

/**
 * scripts/install-n8n.sh installs once into the cache and prints the n8n binary on its last line, and before it
 * what that binary runs (`entry {"n8n", "node", ...}`). N8N_VERSION (`2.8.4`, `2.x`, `1.x`) and N8N_NODE (`24`)
 * choose the matrix entry; without them it is the pinned n8n on the machine's Node.
 * Answers `{ binary, n8nVersion, nodeVersion, nodeBinary, seconds }`.
 */
async function installN8n(env = {}) {
	const started = Date.now();
	const result = await runCommand('bash', [path.join(REPO_ROOT, 'scripts', 'install-n8n.sh')], {
		cwd: REPO_ROOT,
		env: { ...npmEnvironment(), ...env },
		timeoutMs: 40 * 60_000,
		showProgress: true,
	});
	const lines = result.stdout.trim().split('\n');
	const binary = lines.pop();
	if (result.code !== 0 || !binary || !fs.existsSync(binary)) {
		throw new Error(`installing n8n failed:\n${result.stderr.slice(-2000)}`);
	}
	const entryLine = lines.reverse().find((line) => line.startsWith('entry '));
	const entry = entryLine ? JSON.parse(entryLine.slice('entry '.length)) : {};
	return {
		binary,
		n8nVersion: entry.n8n,
		nodeVersion: entry.node,
		nodeBinary: entry.nodeBinary,
		seconds: Math.round((Date.now() - started) / 1000),
	};
}

/** Installs the tarball the way n8n's community package installer does: into <user folder>/.n8n/nodes. */
async function installCommunityPackage(userFolder, tarball) {
	const nodesFolder = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesFolder, { recursive: true });
	const manifest = path.join(nodesFolder, 'package.json');
	if (!fs.existsSync(manifest)) {
		fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	const result = await runCommand('npm', ['install', '--legacy-peer-deps', '--loglevel=error', tarball], {
		cwd: nodesFolder,
		env: npmEnvironment(),
	});
	if (result.code !== 0) throw new Error(`installing ${tarball} failed:\n${result.stderr.slice(-2000)}`);
	return path.join(nodesFolder, 'node_modules', readPackageJson().name);
}

/** The node and credential files package.json promises n8n that the installed copy lacks. */
function missingPackageEntries(installedFolder) {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(installedFolder, 'package.json'), 'utf8'));
	return [...n8n.credentials, ...n8n.nodes].filter((file) => !fs.existsSync(path.join(installedFolder, file)));
}

/**
 * Diagnosis only (--allow-missing-nodes): n8n refuses a whole package when one listed file is missing,
 * which would hide every other result while a node is still being written. The caller records a failure.
 */
function dropMissingEntries(installedFolder, missing) {
	const file = path.join(installedFolder, 'package.json');
	const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
	manifest.n8n.nodes = manifest.n8n.nodes.filter((entry) => !missing.includes(entry));
	manifest.n8n.credentials = manifest.n8n.credentials.filter((entry) => !missing.includes(entry));
	fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/**
 * The type names n8n will register, read from the built classes themselves (the repo's dist is what was packed):
 * nodes as `<package>.<description.name>`, credentials by their `name`.
 */
function listedTypes() {
	const manifest = readPackageJson();
	const instances = (entries) =>
		entries
			.filter((entry) => fs.existsSync(path.join(REPO_ROOT, entry)))
			.flatMap((entry) => Object.values(require(path.join(REPO_ROOT, entry))).map((Type) => new Type()));
	return {
		nodes: instances(manifest.n8n.nodes).map((node) => `${manifest.name}.${node.description.name}`),
		credentials: instances(manifest.n8n.credentials).map((credential) => credential.name),
	};
}

module.exports = {
	REPO_ROOT,
	cacheRoot,
	readPackageJson,
	buildPackage,
	packPackage,
	installN8n,
	installCommunityPackage,
	missingPackageEntries,
	dropMissingEntries,
	listedTypes,
};
