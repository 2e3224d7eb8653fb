import { DomainError } from './workshop/errors';

/**
 * Token buckets keyed by participant or address: `burst` requests at once, refilled at `perMinute`.
 * In memory, because one process serves a workshop; idle buckets are dropped as they refill.
 */
export class RateLimiter {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();
	private readonly refillPerMs: number;
	private sweepAt = 0;

	constructor(
		private readonly burst: number,
		perMinute: number,
		private readonly now: () => number = Date.now
	) {
		this.refillPerMs = perMinute / 60_000;
	}

	/** Takes one token for the key; false when the key has none left. */
	take(key: string): boolean {
		const now = this.now();
		this.sweep(now);
		const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
		bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.refillPerMs);
		bucket.at = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	/** Throws the `rate_limited` refusal when the key is over its limit. */
	check(key: string): void {
		if (!this.take(key)) {
			throw new DomainError('rate_limited', 'Too many requests; wait a moment and try again.');
		}
	}

	private sweep(now: number): void {
		if (now < this.sweepAt) return;
		this.sweepAt = now + 60_000;
		const full = this.burst / this.refillPerMs;
		for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
	}
}

export interface RateLimits {
	/** Inputs, edits, deletes and dots per participant. */
	participantWrites: RateLimiter;
	/** The same writes per network address (a venue's phones may share one). */
	addressWrites: RateLimiter;
	/** New socket connections and joins per network address. */
	addressConnects: RateLimiter;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const value = Number(env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Defaults fit a room of a few hundred phones behind one Wi-Fi address: a person can send a burst
 * of 20 and then one every two seconds; the venue as a whole up to 6,000 writes and 3,000 new
 * connections a minute.
 */
export function createRateLimits(env: NodeJS.ProcessEnv = process.env): RateLimits {
	return {
		participantWrites: new RateLimiter(
			20,
			envNumber(env, 'RATE_PARTICIPANT_WRITES_PER_MINUTE', 30)
		),
		addressWrites: new RateLimiter(600, envNumber(env, 'RATE_ADDRESS_WRITES_PER_MINUTE', 6000)),
		addressConnects: new RateLimiter(
			envNumber(env, 'RATE_ADDRESS_CONNECTS_PER_MINUTE', 3000),
			envNumber(env, 'RATE_ADDRESS_CONNECTS_PER_MINUTE', 3000)
		)
	};
}
