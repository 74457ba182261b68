const { src, dest, series } = require('gulp');
const fs = require('node:fs');
const path = require('node:path');

/** `n8n-node build` copies icons but not the codex files (<Node>.node.json) that give a node its categories. */
function copyCodexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

/**
 * `n8n-node build` copies every PNG and SVG of the repository into dist, the e2e suites' screenshots
 * (test/e2e/artifacts) among them, which then went into the tarball (1.1 MB of it). n8n loads only what package.json
 * names, under dist/nodes and dist/credentials: anything else in dist is removed.
 */
function pruneStrayFiles(done) {
	const kept = new Set(['nodes', 'credentials']);
	for (const entry of fs.readdirSync('dist')) {
		if (!kept.has(entry)) fs.rmSync(path.join('dist', entry), { recursive: true, force: true });
	}
	done();
}

/** Fails the build when a path that package.json promises n8n, or an icon a node names, is missing from dist. */
function checkPackagedFiles(done) {
	const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
	const missing = [];
	for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
		if (!fs.existsSync(file)) {
			missing.push(file);
			continue;
		}
		const source = fs.readFileSync(file, 'utf8');
		for (const [, icon] of source.matchAll(/['"]file:([^'"]+)['"]/g)) {
			const iconPath = path.join(path.dirname(file), icon);
			if (!fs.existsSync(iconPath)) missing.push(iconPath);
		}
		const codex = file.replace(/\.node\.js$/, '.node.json');
		if (file.endsWith('.node.js') && !fs.existsSync(codex)) missing.push(codex);
	}
	done(missing.length ? new Error(`Missing from dist: ${missing.join(', ')}`) : undefined);
}

exports['build:assets'] = series(pruneStrayFiles, copyCodexFiles, checkPackagedFiles);
exports.default = exports['build:assets'];
