import { describe, expect, it } from 'vitest';
import { clockTime } from '../../src/lib/shared/clock';

describe('clockTime', () => {
	it('writes a time of day on the 24-hour clock in both languages', () => {
		// 13:05 UTC is 14:05 in Oslo in winter
		expect(clockTime('2026-11-29T13:05:00.000Z', 'nb', 'Europe/Oslo')).toBe('14:05');
		expect(clockTime('2026-11-29T13:05:00.000Z', 'en', 'Europe/Oslo')).toBe('14:05');
	});

	it('keeps the leading zero and midnight as 00', () => {
		expect(clockTime('2026-11-28T23:07:00.000Z', 'nb', 'Europe/Oslo')).toBe('00:07');
		expect(clockTime('2026-06-01T07:30:00.000Z', 'en', 'Europe/Oslo')).toBe('09:30');
	});
});
