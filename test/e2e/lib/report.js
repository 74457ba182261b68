'use strict';
/** One line per check; the last line says `N passed, M failed`. */
function createReport(write = (line) => process.stdout.write(`${line}\n`)) {
	let passed = 0;
	let failed = 0;
	const check = (description, ok, detail) => {
		if (ok) {
			passed++;
			write(`ok   ${description}`);
		} else {
			failed++;
			write(`FAIL ${description}${detail === undefined ? '' : `\n       ${String(detail).split('\n').join('\n       ')}`}`);
		}
		return Boolean(ok);
	};
	return {
		check,
		note: (line) => write(`#    ${line}`),
		get failed() {
			return failed;
		},
		summary: () => `${passed} passed, ${failed} failed`,
	};
}

module.exports = { createReport };
