import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/lib/server/rate-limit';
import { DomainError } from '../../src/lib/server/workshop/errors';

describe('RateLimiter', () => {
	it('allows a burst, then refills at the set rate, per key', () => {
		let now = 0;
		const limiter = new RateLimiter(3, 60, () => now); // one a second
		expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
		expect(limiter.take('b')).toBe(true);
		now += 999;
		expect(limiter.take('a')).toBe(false);
		now += 2;
		expect(limiter.take('a')).toBe(true);
		now += 60_000;
		expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
	});

	it('refuses with rate_limited', () => {
		const limiter = new RateLimiter(1, 1, () => 0);
		limiter.check('x');
		try {
			limiter.check('x');
			expect.unreachable();
		} catch (err) {
			expect(err).toBeInstanceOf(DomainError);
			expect((err as DomainError).code).toBe('rate_limited');
		}
	});
});
