'use strict';
/** Small readers for what an execution put out and what the test server saw. */

function itemsJson(run, nodeName) {
	return run.itemsOf(nodeName).map((item) => item.json);
}

/** A short reason for a failed check: the error n8n reported, or the tail of its output. */
function why(run) {
	if (run.error) return `n8n error (exit ${run.exitCode}${run.signal ? `, ${run.signal}` : ''}, status ${run.status}, node ${run.error.node?.name}): ${run.error.message}`;
	if (run.signal) return `n8n ended with ${run.signal} (SIGKILL: stopped by the suite's timeout; SIGSEGV: n8n crashed); output tail: ${(run.stdout + run.stderr).slice(-600)}`;
	return `exit ${run.exitCode}; output tail: ${(run.stdout + run.stderr).slice(-600)}`;
}

function succeeded(run) {
	return run.exitCode === 0 && run.status === 'success';
}

/** A failing execution: exit code 1 and the plain-words message, with the node's name. */
function failedWith(run, nodeName, messagePattern) {
	const error = run.error ?? {};
	return (
		run.exitCode === 1 &&
		run.status === 'error' &&
		error.node?.name === nodeName &&
		messagePattern.test(error.message ?? '')
	);
}

function apiRequests(requests, method, path) {
	return requests.filter((request) => request.method === method && request.path === path);
}

/** The recorded headers carry n8n's casing or lower case; ask in lower case. */
function header(request, name) {
	const key = Object.keys(request.headers).find((candidate) => candidate.toLowerCase() === name);
	return key === undefined ? undefined : request.headers[key];
}

function leaksAnyKey(text, keys) {
	return keys.some((key) => text.includes(key));
}

module.exports = { itemsJson, why, succeeded, failedWith, apiRequests, header, leaksAnyKey };
