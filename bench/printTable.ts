import { goalMark } from './scenarioResult';
import type { ScenarioResult } from './scenarioResult';

function table(columns: string[], rows: string[][]): string[] {
	const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => row[index].length)));
	const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index])).join(' | ')} |`;
	return [line(columns), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)];
}

/** Markdown, so that the README can show a run as it was printed. */
export function renderScenario(result: ScenarioResult): string {
	const lines = [`### ${result.title}`, ''];
	if (result.skipped) return [...lines, `Skipped: ${result.skipped}`, ''].join('\n');
	lines.push(...table(result.columns, result.rows), '');
	for (const goal of result.goals) lines.push(`- goal: ${goal.goal} → ${goal.actual}: **${goalMark(goal.met)}**`);
	for (const note of result.notes) lines.push(`- ${note}`);
	return [...lines, ''].join('\n');
}
