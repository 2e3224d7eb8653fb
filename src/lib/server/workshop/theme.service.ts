import type { Kysely } from 'kysely';
import type { EngineState } from '../clustering/index';
import * as inputs from '../db/input.repository';
import * as themeRepo from '../db/theme.repository';
import * as workshopRepo from '../db/workshop.repository';
import type { Database } from '../db/schema';
import type { ThemesSnapshot } from '../../shared/types';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { LiveThemes } from './live-themes';

export interface ThemeServiceOptions {
	refineWorkerUrl?: URL | string;
	/** How long engine state may wait before it is written (ms). */
	persistDelayMs?: number;
}

/**
 * Keeps every active workshop's themes in step with its inputs. It listens to the domain events,
 * so whatever stores an input (socket or form post) also updates the themes, and it does that
 * after the submission has been acknowledged, never before.
 */
export class ThemeService {
	private readonly live = new Map<string, Promise<LiveThemes>>();
	private readonly pendingState = new Map<string, EngineState>();
	private persistTimer: NodeJS.Timeout | null = null;
	private readonly unsubscribe: (() => void)[];

	constructor(
		private readonly db: Kysely<Database>,
		private readonly events: DomainEvents,
		private readonly options: ThemeServiceOptions = {}
	) {
		const later = (code: string, run: (live: LiveThemes) => void) =>
			setImmediate(() => {
				this.forWorkshop(code)
					.then(run)
					.catch((err) => console.error(`themes of ${code} not updated`, err));
			});
		this.unsubscribe = [
			events.on('input.created', ({ code, input }) =>
				later(code, (live) =>
					live.change((engine) => {
						engine.add({ id: input.id, text: input.text });
						if (input.hidden) engine.setHidden(input.id, true);
					})
				)
			),
			events.on('input.updated', ({ code, input }) =>
				later(code, (live) =>
					live.change((engine) => {
						engine.update(input.id, input.text);
						engine.setHidden(input.id, input.hidden);
					})
				)
			),
			events.on('input.deleted', ({ code, id }) =>
				later(code, (live) => live.change((engine) => engine.remove(id)))
			)
		];
	}

	/** The workshop's live themes, loaded from the database on first use. */
	forWorkshop(code: string): Promise<LiveThemes> {
		let entry = this.live.get(code);
		if (!entry) {
			entry = this.load(code);
			this.live.set(code, entry);
			entry.catch(() => this.live.delete(code));
		}
		return entry;
	}

	private async load(code: string): Promise<LiveThemes> {
		const workshop = await workshopRepo.findWorkshop(this.db, code);
		if (!workshop) throw new DomainError('unknown_workshop', 'No workshop has that code.');
		const rows = await inputs.listInputs(this.db, code, { includeHidden: true });
		const stored = await themeRepo.loadThemeState(this.db, code);
		const state = stored ? (JSON.parse(stored) as EngineState) : null;
		const live = LiveThemes.create(
			rows.map((r) => ({ id: r.id, text: r.text })),
			state,
			{
				language: workshop.language,
				refineWorkerUrl: this.options.refineWorkerUrl,
				onChange: () => this.events.emit('themes.changed', { code }),
				onPersist: (s) => this.persistLater(code, s)
			}
		);
		for (const row of rows) if (row.hidden) live.current.setHidden(row.id, true);
		return live;
	}

	async snapshot(code: string): Promise<ThemesSnapshot> {
		return (await this.forWorkshop(code)).snapshot();
	}

	private persistLater(code: string, state: EngineState): void {
		this.pendingState.set(code, state);
		if (this.persistTimer) return;
		this.persistTimer = setTimeout(() => void this.flush(), this.options.persistDelayMs ?? 1000);
		this.persistTimer.unref();
	}

	/** Writes every pending engine state now (also on shutdown). */
	async flush(): Promise<void> {
		if (this.persistTimer) clearTimeout(this.persistTimer);
		this.persistTimer = null;
		const pending = [...this.pendingState];
		this.pendingState.clear();
		const now = new Date().toISOString();
		for (const [code, state] of pending) {
			await themeRepo.saveThemeState(this.db, code, JSON.stringify(state), now);
		}
	}

	async close(): Promise<void> {
		this.unsubscribe.forEach((off) => off());
		for (const entry of this.live.values()) (await entry.catch(() => null))?.close();
		await this.flush();
	}
}
