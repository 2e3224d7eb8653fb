import { describe, expect, it } from 'vitest';
import { adjustedRand } from '../../../scripts/lib/ari';

describe('adjustedRand (test helper)', () => {
	it.each([
		{ a: ['x', 'x', 'y', 'y'], b: ['p', 'p', 'q', 'q'], ari: 1 },
		{ a: ['x', 'x', 'y', 'y'], b: ['p', 'q', 'p', 'q'], ari: -0.5 },
		{ a: ['x', 'x', 'x', 'y', 'y', 'y'], b: ['p', 'p', 'q', 'q', 'r', 'r'], ari: 0.2424 }
	])('scores $a against $b', ({ a, b, ari }) => {
		expect(adjustedRand(a, b)).toBeCloseTo(ari, 3);
	});
});
