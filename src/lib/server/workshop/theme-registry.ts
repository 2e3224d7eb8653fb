import { log } from '../log';
import type { LiveThemes } from './live-themes';
import type { ThemeHistory } from './theme-history';

export interface WorkshopThemes {
	live: LiveThemes;
	history: ThemeHistory;
	/** Facilitator actions run one at a time per workshop. */
	queue: Promise<unknown>;
}

export interface RegistryLimits {
	/** A workshop nobody has touched for this long leaves memory (ms). */
	idleMs: number;
	/** Inputs held by all engines together; past it, the least recently used engines leave. */
	maxInputs: number;
	/** Engines held at once. */
	maxWorkshops: number;
}

export function registryLimits(env: NodeJS.ProcessEnv = process.env): RegistryLimits {
	const number = (name: string, fallback: number) => {
		const value = Number(env[name]);
		return Number.isFinite(value) && value > 0 ? value : fallback;
	};
	return {
		idleMs: number('ENGINE_IDLE_MINUTES', 30) * 60_000,
		maxInputs: number('ENGINE_MAX_INPUTS', 100_000),
		maxWorkshops: number('ENGINE_MAX_WORKSHOPS', 500)
	};
}

interface Entry {
	opened: Promise<WorkshopThemes>;
	usedAt: number;
}

/**
 * The theme engines in memory, one per workshop, opened on demand. Engines of idle workshops,
 * and the least recently used ones past the memory bound, are written away and dropped; they
 * open again from the database when next used.
 */
export class ThemeRegistry {
	private readonly entries = new Map<string, Entry>();
	/** Evictions whose state is still being written: a reopen waits for them. */
	private readonly leaving = new Map<string, Promise<void>>();
	private readonly sweeper: NodeJS.Timeout;
	private sweeping: Promise<void> = Promise.resolve();

	constructor(
		private readonly open: (code: string) => Promise<WorkshopThemes>,
		/** Writes the workshop's state now (before its engine is dropped). */
		private readonly save: (code: string, themes: WorkshopThemes) => Promise<void>,
		private readonly limits: RegistryLimits,
		private readonly now: () => number = Date.now
	) {
		this.sweeper = setInterval(() => void this.sweep(), Math.min(60_000, limits.idleMs));
		this.sweeper.unref();
	}

	get(code: string): Promise<WorkshopThemes> {
		const entry = this.entries.get(code);
		if (entry) {
			entry.usedAt = this.now();
			return entry.opened;
		}
		const opened = (this.leaving.get(code) ?? Promise.resolve()).then(() => this.open(code));
		this.entries.set(code, { opened, usedAt: this.now() });
		opened.then(
			() => void this.sweep(),
			() => this.entries.delete(code)
		);
		return opened;
	}

	/** The engine if it is in memory; never opens one. */
	peek(code: string): Promise<WorkshopThemes> | undefined {
		return this.entries.get(code)?.opened;
	}

	get size(): number {
		return this.entries.size;
	}

	all(): Promise<WorkshopThemes>[] {
		return [...this.entries.values()].map((e) => e.opened);
	}

	/** Drops idle engines, then the least recently used ones while over the bounds. */
	sweep(): Promise<void> {
		// one sweep at a time: two at once would both count an engine the other drops
		this.sweeping = this.sweeping.then(() => this.sweepOnce());
		return this.sweeping;
	}

	private async sweepOnce(): Promise<void> {
		const now = this.now();
		const byAge = [...this.entries].sort(([, a], [, b]) => a.usedAt - b.usedAt);
		let held = 0;
		const sizes = new Map<string, number>();
		for (const [code, entry] of byAge) {
			const themes = await entry.opened.catch(() => null);
			const size = themes?.live.current.store.inputs.size ?? 0;
			sizes.set(code, size);
			held += size;
		}
		let count = byAge.length;
		for (const [code, entry] of byAge) {
			const idle = now - entry.usedAt >= this.limits.idleMs;
			const over = held > this.limits.maxInputs || count > this.limits.maxWorkshops;
			if (!idle && !over) continue;
			if (this.entries.get(code) !== entry) continue;
			held -= sizes.get(code) ?? 0;
			count--;
			this.evict(code, entry, idle ? 'idle' : 'memory bound');
		}
	}

	private evict(code: string, entry: Entry, why: string): void {
		this.entries.delete(code);
		const done = entry.opened
			.then(async (themes) => {
				await themes.queue;
				themes.live.close();
				await this.save(code, themes);
			})
			.catch((err) => log.error('engine not written on eviction', { code }, err))
			.finally(() => this.leaving.delete(code));
		this.leaving.set(code, done);
		log.info('theme engine left memory', { code, why });
	}

	/** The codes of the engines in memory. */
	codes(): string[] {
		return [...this.entries.keys()];
	}

	/** Writes an engine and lets it go, so that its next use opens it afresh from the database. */
	reopen(code: string): void {
		const entry = this.entries.get(code);
		if (entry) this.evict(code, entry, 'opened again from the database');
	}

	/** Drops an engine without writing it (it is another node's now). */
	drop(code: string): void {
		const entry = this.entries.get(code);
		if (!entry) return;
		this.entries.delete(code);
		entry.opened.then((themes) => themes.live.close()).catch(() => undefined);
	}

	/** Stops the sweeps; the caller writes and closes the engines. */
	stop(): void {
		clearInterval(this.sweeper);
	}
}
