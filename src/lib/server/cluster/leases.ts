import type { Kysely } from 'kysely';
import { claimLease, findLease, releaseLeases } from '../db/lease.repository';
import type { Database } from '../db/schema';
import { log } from '../log';
import { parseThemeKey } from '../workshop/theme-key';

/**
 * This node's leases on workshops' theme engines. A lease lasts `ttlMs` and is renewed every third
 * of that while held; a node that cannot renew (it died, or lost the database) stops counting it
 * as its own when it runs out, and another node may take it.
 */
export class Leases {
	/** Workshops this node holds, with when the lease runs out as this node last wrote it. */
	private readonly held = new Map<string, number>();
	private readonly timer: NodeJS.Timeout;

	constructor(
		private readonly db: Kysely<Database>,
		readonly nodeId: string,
		readonly ttlMs: number,
		/** Called when a held lease is lost (not renewed in time, or taken). */
		private readonly onLost: (code: string) => void,
		private readonly now: () => number = Date.now
	) {
		this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(ttlMs / 3)));
		this.timer.unref();
	}

	/** Whether this node holds the workshop now, by its own clock, with a margin for the renewal. */
	holds(code: string): boolean {
		const until = this.held.get(code);
		return until !== undefined && until - this.ttlMs / 6 > this.now();
	}

	/** Who holds the workshop now: this node's id, another node's, or null when nobody does. */
	async holder(code: string): Promise<string | null> {
		if (this.holds(code)) return this.nodeId;
		const lease = await findLease(this.db, parseThemeKey(code));
		return lease && lease.expiresAt > this.now() ? lease.nodeId : null;
	}

	/** Takes the workshop when it is free or expired; true when this node holds it afterwards. */
	async claim(code: string): Promise<boolean> {
		const now = this.now();
		const lease = await claimLease(this.db, parseThemeKey(code), this.nodeId, now, this.ttlMs);
		if (lease?.nodeId !== this.nodeId) return false;
		if (!this.held.has(code)) log.info('engine lease taken', { code, node: this.nodeId });
		this.held.set(code, lease.expiresAt);
		return true;
	}

	/** The workshops this node holds. */
	codes(): string[] {
		return [...this.held.keys()];
	}

	private async renew(): Promise<void> {
		for (const code of this.codes()) {
			try {
				if (await this.claim(code)) continue;
			} catch (err) {
				log.warn('engine lease not renewed', { code, err: String(err) });
				if (this.holds(code)) continue; // still ours for a moment; try again next round
			}
			this.lose(code);
		}
	}

	private lose(code: string): void {
		if (!this.held.delete(code)) return;
		log.warn('engine lease lost', { code, node: this.nodeId });
		this.onLost(code);
	}

	/** Gives every lease back (clean shutdown), so another node can take them at once. */
	async release(): Promise<void> {
		clearInterval(this.timer);
		const codes = this.codes();
		this.held.clear();
		if (codes.length) await releaseLeases(this.db, this.nodeId, codes.map(parseThemeKey));
	}
}
