'use strict';
/** Drives the pinned n8n through its CLI and REST API, always inside a user folder of our own. */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { runCommand, startProcess, stopProcess } = require('./processes');

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Quiet and offline: no telemetry, templates, banners or version checks; everything on 127.0.0.1. */
function n8nEnvironment({ userFolder, encryptionKey, port, brokerPort }) {
	const env = { ...process.env };
	for (const name of Object.keys(env)) if (name.startsWith('N8N_') || name.startsWith('DB_')) delete env[name];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		// The task broker listens on 5679 by default: two n8n at once (suite and demo) must not collide.
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// `execute --rawOutput` prints the run through the logger at info level: keep info.
		N8N_LOG_LEVEL: 'info',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		GENERIC_TIMEZONE: 'UTC',
		// n8n's CLI commands exit without disposing the isolated-vm expression engine, which crashes n8n 2.41 at exit
		// (SIGSEGV after a complete result): lib/disposeIsolatesOnExit.js disposes it first. See that file.
		NODE_OPTIONS: [env.NODE_OPTIONS, `--require ${JSON.stringify(path.join(__dirname, 'disposeIsolatesOnExit.js'))}`].filter(Boolean).join(' '),
	};
}

/** One n8n installation bound to one user folder. */
async function createN8n({ binary, userFolder, encryptionKey, port }) {
	const env = n8nEnvironment({
		userFolder,
		encryptionKey,
		port: port ?? (await freePort()),
		brokerPort: await freePort(),
	});
	// n8n 2.41 on Node 24 takes over a minute to start and stop an `execute` on a busy 2-CPU machine.
	const cli = (args, timeoutMs = 300_000) => runCommand(binary, args, { cwd: userFolder, env, timeoutMs });

	const importJson = async (command, entries) => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-import-')), `${command}.json`);
		fs.writeFileSync(file, JSON.stringify(entries, null, 2));
		// The file holds fake fixture keys in full: removed as soon as n8n has read (and encrypted) them.
		const result = await cli([`import:${command}`, `--input=${file}`]).finally(() =>
			fs.rmSync(path.dirname(file), { recursive: true, force: true }),
		);
		if (result.code !== 0) {
			throw new Error(`n8n import:${command} failed:\n${(result.stdout + result.stderr).slice(-2000)}`);
		}
	};

	return {
		env,
		port: Number(env.N8N_PORT),
		baseUrl: `http://127.0.0.1:${env.N8N_PORT}`,
		importCredentials: (credentials) => importJson('credentials', credentials),
		importWorkflows: (workflows) => importJson('workflow', workflows),
		// stdout goes to a file, not a pipe: n8n 2.41's `execute` exits before a large output has drained into a
		// pipe (the JSON of a 538-item run came back cut off), while writes to a file are complete when it exits.
		execute: async (workflowId) => {
			const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-execute-'));
			const file = path.join(folder, 'stdout.txt');
			try {
				const result = await runCommand('bash', ['-c', 'exec "$@" > "$EXECUTE_STDOUT"', 'bash', binary, 'execute', `--id=${workflowId}`, '--rawOutput'], {
					cwd: userFolder,
					env: { ...env, EXECUTE_STDOUT: file },
					timeoutMs: 300_000,
				});
				return parseExecution({ ...result, stdout: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' });
			} finally {
				fs.rmSync(folder, { recursive: true, force: true });
			}
		},
		start: () => startProcess(binary, ['start'], { cwd: userFolder, env }),
		stop: (child) => stopProcess(child, 10_000),
	};
}

/**
 * `n8n execute --rawOutput` prints log lines, then the run as pretty JSON (on failure after "Execution error:").
 * The JSON begins at the first line that is exactly "{".
 */
function parseExecution({ code, signal, stdout, stderr }) {
	const start = stdout.search(/^\{$/m);
	let run;
	if (start >= 0) {
		try {
			run = JSON.parse(stdout.slice(start, stdout.lastIndexOf('}') + 1));
		} catch {
			run = undefined;
		}
	}
	const resultData = run?.data?.resultData ?? {};
	return {
		exitCode: code,
		signal,
		stdout,
		stderr,
		run,
		status: run?.status,
		error: resultData.error,
		/** The items a node put out on its first output, first run. */
		itemsOf: (nodeName) => resultData.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [],
		/** Whether the run reached the node (a branch not taken, e.g. a create held back by Dry Run, never does). */
		ran: (nodeName) => Boolean(resultData.runData?.[nodeName]),
		nodeError: (nodeName) => resultData.runData?.[nodeName]?.[0]?.error,
	};
}

/**
 * /healthz answers before the REST routes exist, so "ready" also waits for /rest/settings, and for its JSON: while
 * it starts, n8n 2.41 answers every route with 200 and the text "n8n is starting up. Please wait".
 */
async function waitForHealth(baseUrl, child, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	for (const [route, ready] of [['/healthz', answersOk], ['/rest/settings', answersSettings]]) {
		while (!(await ready(`${baseUrl}${route}`))) {
			if (child && child.exitCode !== null) throw new Error(`n8n exited early:\n${child.output.slice(-3000)}`);
			if (Date.now() > deadline) throw new Error(`n8n did not answer ${baseUrl}${route} within ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
	}
}

async function answersOk(url) {
	try {
		return (await fetch(url)).ok;
	} catch {
		return false;
	}
}

async function answersSettings(url) {
	try {
		const response = await fetch(url);
		return response.ok && typeof (await response.json())?.data === 'object';
	} catch {
		return false;
	}
}

function authCookie(response) {
	const cookies = response.headers.getSetCookie?.() ?? [];
	const cookie = cookies.map((line) => line.split(';')[0]).find((pair) => pair.startsWith('n8n-auth='));
	return cookie?.slice('n8n-auth='.length);
}

/** Creates the owner on first start, otherwise logs in; answers the n8n-auth cookie value. */
async function ownerSession(baseUrl, owner) {
	const post = (route, body) =>
		fetch(`${baseUrl}/rest/${route}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
	const login = await post('login', { emailOrLdapLoginId: owner.email, password: owner.password });
	if (login.ok) return authCookie(login);
	const setup = await post('owner/setup', owner);
	if (!setup.ok) throw new Error(`owner setup answered ${setup.status}: ${(await setup.text()).slice(0, 500)}`);
	return authCookie(setup) ?? authCookie(await post('login', { emailOrLdapLoginId: owner.email, password: owner.password }));
}

/** The node and credential types the running n8n serves to its editor. */
async function loadedTypes(baseUrl, cookie) {
	const get = async (file) => {
		const response = await fetch(`${baseUrl}/types/${file}`, { headers: cookie ? { cookie: `n8n-auth=${cookie}` } : {} });
		if (!response.ok) throw new Error(`GET /types/${file} answered ${response.status}`);
		return await response.json();
	};
	const [nodes, credentials] = await Promise.all([get('nodes.json'), get('credentials.json')]);
	return {
		nodes: nodes.map((node) => node.name),
		credentials: credentials.map((credential) => credential.name),
		/** The node descriptions as the editor receives them, for checks on versions and credentials. */
		descriptions: nodes,
	};
}

/**
 * What the editor's "Test" button of a credential answers: `{ status: 'OK' | 'Error', message }`. The credential is
 * saved first and tested with its id, as the editor does: n8n 2.41 refuses a test without `credentials.id` (400).
 */
async function testCredential(baseUrl, cookie, credential) {
	const headers = { 'content-type': 'application/json', cookie: `n8n-auth=${cookie}` };
	const created = await fetch(`${baseUrl}/rest/credentials`, { method: 'POST', headers, body: JSON.stringify(credential) });
	if (!created.ok) throw new Error(`POST /rest/credentials answered ${created.status}: ${(await created.text()).slice(0, 300)}`);
	const { id } = (await created.json()).data;
	try {
		const response = await fetch(`${baseUrl}/rest/credentials/test`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ credentials: { ...credential, id } }),
		});
		if (!response.ok) throw new Error(`POST /rest/credentials/test answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
		const body = await response.json();
		return body.data ?? body;
	} finally {
		// Deleted again: the editor gives a new node the newest credential of its type, and the browser suite checks
		// which one a new node picks.
		const deleted = await fetch(`${baseUrl}/rest/credentials/${id}`, { method: 'DELETE', headers });
		if (!deleted.ok) throw new Error(`DELETE /rest/credentials/${id} answered ${deleted.status}: ${(await deleted.text()).slice(0, 300)}`);
	}
}

module.exports = { createN8n, freePort, waitForHealth, ownerSession, loadedTypes, parseExecution, testCredential };
