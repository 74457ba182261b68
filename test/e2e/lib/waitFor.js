'use strict';

/** Asks `condition` every 250 ms until it answers something truthy (that answer) or `timeoutMs` has passed (undefined). */
async function waitFor(condition, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await condition();
		if (value) return value;
		if (Date.now() > deadline) return undefined;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

module.exports = { waitFor };
