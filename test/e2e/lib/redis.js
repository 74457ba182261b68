'use strict';
/**
 * A throw-away Redis for n8n's queue: Debian's redis-server (installed with apt-get when missing, as .ci/run does
 * for Chromium), on a free port of 127.0.0.1, no persistence, stopped with the suite.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runCommand, startProcess, waitForOutput, stopProcess } = require('./processes');
const { freePort } = require('./n8n');

async function commandExists(name) {
	return (await runCommand('bash', ['-c', `command -v ${name}`])).code === 0;
}

/** apt-get as root; anyone else is told what to install. Debian's policy-rc.d keeps the package's service stopped. */
async function ensureRedisServer(log) {
	if (await commandExists('redis-server')) return;
	if (process.getuid?.() !== 0) throw new Error('redis-server is missing: apt-get install -y redis-server (as root), then run again');
	log('redis-server is missing: installing Debian\'s package (apt-get install -y redis-server)');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'redis-server']]) {
		const result = await runCommand('apt-get', args, { env, timeoutMs: 600_000 });
		if (result.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${(result.stdout + result.stderr).slice(-2000)}`);
	}
}

async function startRedis({ log = () => {} } = {}) {
	await ensureRedisServer(log);
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-queue-redis-'));
	const port = await freePort();
	const child = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'], { cwd: folder });
	await waitForOutput(child, /Ready to accept connections/, 30_000);
	return {
		port,
		/** Deleted by stop(); a caller that may be interrupted deletes it too. */
		folder,
		n8nEnvironment: { QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) },
		stop: async () => {
			await stopProcess(child, 5000);
			fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}

module.exports = { startRedis };
