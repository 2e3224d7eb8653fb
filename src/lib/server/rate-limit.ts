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
		const bucket = this.refilled(key);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	/** Whether the key has a token left, without taking it. */
	available(key: string): boolean {
		return this.refilled(key).tokens >= 1;
	}

	private refilled(key: string): { tokens: number; at: number } {
		const now = this.now();
		this.sweep(now);
		const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
		bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.refillPerMs);
		bucket.at = now;
		this.buckets.set(key, bucket);
		return bucket;
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
	/** New participants (stored on their first write) per address. */
	addressNewParticipants: RateLimiter;
	/** Participants who first appear while voting is open and cast a dot, per address. */
	addressNewVoters: RateLimiter;
	/** Workshops created per address. */
	addressWorkshops: RateLimiter;
	/** Lookups of join codes that do not exist, per address (probing). */
	addressCodeMisses: RateLimiter;
	/** Events one socket may send: a burst, then a steady rate; flooders are disconnected. */
	socketEvents: { burst: number; perSecond: number; disconnectAfter: number };
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
	const value = Number(env[name]);
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Defaults fit a room of a few hundred phones behind one Wi-Fi address (docs/operations.md has
 * the reasoning and the variables): a person can send a burst of 20 writes and then one every two
 * seconds; the venue as a whole up to 6,000 writes and 3,000 new connections a minute.
 */
export function createRateLimits(env: NodeJS.ProcessEnv = process.env): RateLimits {
	const perMinute = (name: string, fallback: number) => envNumber(env, name, fallback);
	const sameBurst = (name: string, fallback: number) =>
		new RateLimiter(perMinute(name, fallback), perMinute(name, fallback));
	return {
		participantWrites: new RateLimiter(20, perMinute('RATE_PARTICIPANT_WRITES_PER_MINUTE', 30)),
		addressWrites: new RateLimiter(600, perMinute('RATE_ADDRESS_WRITES_PER_MINUTE', 6000)),
		addressConnects: sameBurst('RATE_ADDRESS_CONNECTS_PER_MINUTE', 3000),
		addressNewParticipants: sameBurst('RATE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE', 300),
		addressNewVoters: sameBurst('RATE_ADDRESS_NEW_VOTERS_PER_MINUTE', 30),
		addressWorkshops: new RateLimiter(
			envNumber(env, 'RATE_ADDRESS_WORKSHOPS_BURST', 10),
			perMinute('RATE_ADDRESS_WORKSHOPS_PER_HOUR', 30) / 60
		),
		addressCodeMisses: new RateLimiter(20, perMinute('RATE_ADDRESS_CODE_MISSES_PER_MINUTE', 10)),
		socketEvents: {
			burst: envNumber(env, 'SOCKET_EVENT_BURST', 60),
			perSecond: envNumber(env, 'SOCKET_EVENTS_PER_SECOND', 20),
			disconnectAfter: envNumber(env, 'SOCKET_REFUSED_EVENTS_BEFORE_DISCONNECT', 100)
		}
	};
}

/**
 * Looks a join code up on behalf of an address. An address that keeps naming codes that do not
 * exist is refused for a while, so the code space cannot be walked.
 */
export async function guardCodeLookup<T>(
	limits: RateLimits,
	address: string,
	lookup: () => Promise<T>
): Promise<T> {
	if (!limits.addressCodeMisses.available(address)) {
		throw new DomainError('rate_limited', 'Too many unknown codes; wait a minute and try again.');
	}
	try {
		return await lookup();
	} catch (err) {
		if (err instanceof DomainError && err.code === 'unknown_workshop') {
			limits.addressCodeMisses.take(address);
		}
		throw err;
	}
}
