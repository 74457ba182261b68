import { roundToCents, roundToMillionths, summarizeCostsPerProject } from '../../nodes/shared/resources/costReport';
import type { CostItem } from '../../nodes/shared/resources/costReport';
import { DateTime } from 'luxon';

describe('amounts in the currency units', () => {
	test('a total is rounded to the cent, the exact total to a millionth (no float noise)', () => {
		expect(roundToCents(24.303957999999994)).toBe(24.3);
		expect(roundToCents(0.005)).toBe(0.01);
		expect(roundToMillionths(24.303957999999994)).toBe(24.303958);
		expect(roundToMillionths(-0.0000001)).toBe(0);
	});

	test('a summary of many small amounts shows no float noise', () => {
		const item = (amount: number, date: string): CostItem => ({
			date,
			startTime: `${date}T00:00:00.000Z`,
			endTime: `${date}T00:00:00.000Z`,
			projectId: 'proj_a',
			projectName: 'A',
			amount,
			currency: 'usd',
		});
		// 0.1 + 0.2 + … adds up to float noise (e.g. 0.30000000000000004) without rounding.
		const items = [item(0.1, '2026-03-01'), item(0.2, '2026-03-02'), item(24.003957999, '2026-03-03')];
		const range = { start: DateTime.fromISO('2026-03-01T00:00:00Z'), end: DateTime.fromISO('2026-03-04T00:00:00Z') };
		const [summary] = summarizeCostsPerProject(items, range as never);
		expect(summary.totalAmount).toBe(24.3);
		expect(summary.totalAmountExact).toBe(24.303958);
	});
});
