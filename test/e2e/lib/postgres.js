'use strict';
/**
 * A throw-away PostgreSQL for queue mode: Debian's server binaries, `initdb` into a temp folder, one free port on
 * 127.0.0.1, trust authentication (nothing but this machine can reach it), stopped and deleted with the suite.
 * PostgreSQL refuses to run as root: as root, initdb and the server run as the `postgres` user (Debian's package
 * creates it) through `runuser`, and the temp folder is handed to that user.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runCommand, startProcess, waitForOutput, stopProcess } = require('./processes');
const { freePort } = require('./n8n');

const DATABASE = 'n8n';
const USER = 'n8n';

/** PG_BIN, or the newest /usr/lib/postgresql/<version>/bin that has initdb. */
function findBinaries() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => b - a) : [];
	const found = versions.map((version) => path.join(root, version, 'bin')).find((bin) => fs.existsSync(path.join(bin, 'initdb')));
	if (!found) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql (Debian: apt-get install postgresql), or set PG_BIN');
	return found;
}

/** As root: the command runs as `postgres`; otherwise as we are. */
function asDatabaseUser(command, args) {
	if (process.getuid?.() !== 0) return [command, args];
	return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

async function startPostgres() {
	const bin = findBinaries();
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-queue-pg-'));
	const data = path.join(folder, 'data');
	if (process.getuid?.() === 0) {
		const { uid, gid } = userIds('postgres');
		fs.chownSync(folder, uid, gid);
	}
	const [initdb, initArgs] = asDatabaseUser(path.join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
	const init = await runCommand(initdb, initArgs, { cwd: folder, timeoutMs: 120_000 });
	if (init.code !== 0) throw new Error(`initdb failed:\n${(init.stdout + init.stderr).slice(-2000)}`);

	const port = await freePort();
	// Durability is not what this database is for: it lives as long as one test run.
	const [server, serverArgs] = asDatabaseUser(path.join(bin, 'postgres'), [
		'-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const child = startProcess(server, serverArgs, { cwd: folder });
	await waitForOutput(child, /database system is ready to accept connections/, 60_000);

	const psql = async (database, sql) => {
		const result = await runCommand(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql], { cwd: folder, timeoutMs: 60_000 });
		if (result.code !== 0) throw new Error(`psql failed: ${result.stderr.slice(-1000)}\n${sql}`);
		return result.stdout;
	};
	const environmentFor = (database) => ({
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(port),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: USER,
		DB_POSTGRESDB_PASSWORD: '',
	});
	await psql('postgres', `CREATE DATABASE ${DATABASE}`);

	return {
		port,
		/** Deleted by stop(); a caller that may be interrupted deletes it too. */
		folder,
		/** n8n's settings for the database `n8n` (or another one made with createDatabase). */
		n8nEnvironment: environmentFor(DATABASE),
		environmentFor,
		createDatabase: (name) => psql('postgres', `CREATE DATABASE ${name}`),
		/** Rows of a SELECT as objects (the query is wrapped in json_agg). */
		rows: async (sql, database = DATABASE) => JSON.parse((await psql(database, `SELECT coalesce(json_agg(t), '[]') FROM (${sql}) t`)).trim() || '[]'),
		stop: async () => {
			await stopProcess(child, 10_000);
			fs.rmSync(folder, { recursive: true, force: true });
		},
	};
}

function userIds(name) {
	const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${name}:`));
	if (!line) throw new Error(`running as root, PostgreSQL needs the "${name}" user (Debian's postgresql package creates it)`);
	const [, , uid, gid] = line.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

module.exports = { startPostgres };
