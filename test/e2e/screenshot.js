'use strict';
/**
 * Opens an n8n workflow in Debian's headless Chromium, waits until a node of the given type shows on the canvas,
 * and saves a PNG. Driven through the DevTools protocol with Node's own WebSocket, so it needs
 * `node --experimental-websocket` on Node 20 (the suite starts it that way).
 *
 *   N8N_AUTH_COOKIE=<n8n-auth value> node --experimental-websocket test/e2e/screenshot.js \
 *     --url http://127.0.0.1:5678/workflow/<id> --node-type n8n-nodes-openai-org.openAiProjects --out test/e2e/artifacts/editor.png
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startProcess, waitForOutput, stopAllProcesses } = require('./lib/processes');
const { CHROMIUM_BIN, CHROMIUM_FLAGS: SHARED_FLAGS } = require('./lib/chromium');

const CHROMIUM_FLAGS = [...SHARED_FLAGS, '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0'];

function readArguments(argv) {
	const value = (flag) => {
		const index = argv.indexOf(flag);
		if (index < 0 || argv[index + 1] === undefined) throw new Error(`missing ${flag}`);
		return argv[index + 1];
	};
	return { url: value('--url'), nodeType: value('--node-type'), out: path.resolve(value('--out')) };
}

/** A minimal DevTools client: numbered calls over one WebSocket. */
async function connect(webSocketUrl) {
	const socket = new WebSocket(webSocketUrl);
	await new Promise((resolve, reject) => {
		socket.onopen = resolve;
		socket.onerror = () => reject(new Error(`cannot connect to ${webSocketUrl}`));
	});
	let nextId = 1;
	const pending = new Map();
	socket.onmessage = (event) => {
		const message = JSON.parse(event.data);
		const waiter = pending.get(message.id);
		if (!waiter) return;
		pending.delete(message.id);
		if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
		else waiter.resolve(message.result);
	};
	const send = (method, params = {}, sessionId) =>
		new Promise((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve, reject, method });
			socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
		});
	return { send, close: () => socket.close() };
}

async function waitUntil(check, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

async function takeScreenshot({ url, nodeType, out, cookie }) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'openai-org-chromium-'));
	const chromium = startProcess(CHROMIUM_BIN, [
		...CHROMIUM_FLAGS,
		`--user-data-dir=${profile}`,
		'about:blank',
	]);
	try {
		const [, webSocketUrl] = await waitForOutput(chromium, /DevTools listening on (ws:\/\/\S+)/, 30_000);
		const browser = await connect(webSocketUrl);
		const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
		const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
		const page = (method, params) => browser.send(method, params, sessionId);
		await page('Network.enable');
		await page('Emulation.setDeviceMetricsOverride', { width: 1600, height: 1000, deviceScaleFactor: 1, mobile: false });
		const { origin } = new URL(url);
		await page('Network.setCookie', { name: 'n8n-auth', value: cookie, url: origin, path: '/', httpOnly: true });
		await page('Page.navigate', { url });
		const evaluate = async (expression) =>
			(await page('Runtime.evaluate', { expression, returnByValue: true })).result.value;
		// An unknown node type is drawn with a placeholder; its own icon (an img) shows n8n loaded the node.
		const nodeOnCanvas = `!!document.querySelector('[data-test-id="canvas-node"][data-node-type=${JSON.stringify(nodeType)}] img')`;
		await waitUntil(() => evaluate(nodeOnCanvas), 60_000, `a ${nodeType} node with its icon at ${url}`).catch(
			async (error) => {
				const where = await evaluate('location.href + " shows: " + document.body.innerText.slice(0, 300)');
				throw new Error(`${error.message}; the page is ${where}`);
			},
		);
		// The canvas fits the view in an animation; let it settle before the picture.
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const { data } = await page('Page.captureScreenshot', { format: 'png' });
		fs.mkdirSync(path.dirname(out), { recursive: true });
		fs.writeFileSync(out, Buffer.from(data, 'base64'));
		browser.close();
		return out;
	} finally {
		await stopAllProcesses();
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

async function main() {
	const options = readArguments(process.argv.slice(2));
	const cookie = process.env.N8N_AUTH_COOKIE;
	if (!cookie) throw new Error('set N8N_AUTH_COOKIE to the n8n-auth cookie of a logged-in user');
	const file = await takeScreenshot({ ...options, cookie });
	process.stdout.write(`artifact: ${file}\n`);
}

main().catch(async (error) => {
	process.stderr.write(`screenshot failed: ${error.message}\n`);
	await stopAllProcesses();
	process.exit(1);
});
