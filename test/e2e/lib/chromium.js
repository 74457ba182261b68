'use strict';
/** Debian's headless Chromium, as both the screenshot script and the browser suite start it. Never downloads one. */
const CHROMIUM_BIN = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** Offline and quiet: no first-run, sync, component updates or background requests; QUIC off (127.0.0.1 only). */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
	'--hide-scrollbars',
	'--window-size=1600,1000',
];

module.exports = { CHROMIUM_BIN, CHROMIUM_FLAGS };
