import type { Kysely } from 'kysely';
import { log } from '../log';
import type { EngineState } from '../clustering/index';
import * as inputs from '../db/input.repository';
import * as themeRepo from '../db/theme.repository';
import type { Database } from '../db/schema';
import type { Phase, ThemesSnapshot } from '../../shared/types';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { INPUT_EVENTS, changeInput, inputThemeKey, type InputEvent } from './theme-inputs';
import type { Themes } from './themes';
import { parseThemeKey } from './theme-key';
import {
	applyThemeAction,
	checkTargets,
	parseThemeAction,
	type ThemeAction
} from './theme-actions';
import {
	ThemeRegistry,
	registryLimits,
	type RegistryLimits,
	type WorkshopThemes
} from './theme-registry';
import { openThemes } from './theme-restore';
import { ExplainInput } from '../../shared/schemas/index';
import { parse } from './parse';
import type { WorkshopService } from './workshop.service';

export interface ThemeServiceOptions {
	refineWorkerUrl?: URL | string;
	/** How long engine state may wait before it is written (ms). */
	persistDelayMs?: number;
	/** When engines leave memory; from the environment when not given. */
	limits?: RegistryLimits;
	/** The clock idle time is measured by (tests). */
	now?: () => number;
	/** Follow the local input events (one node); a cluster routes them itself. Default true. */
	listen?: boolean;
	/** Whether this node may write a workshop's state now (a cluster: while it holds the lease). */
	mayWrite?: (code: string) => boolean;
}

/**
 * Keeps every active workshop's themes in step with its inputs, and carries out the
 * facilitator's edits. It listens to the domain events, so whatever stores an input (socket or
 * form post) also updates the themes, after the submission has been acknowledged, never before.
 */
export class ThemeService implements Themes {
	private readonly registry: ThemeRegistry;
	/** Workshops whose engine state changed since it was last written. */
	private readonly dirty = new Set<string>();
	private persistTimer: NodeJS.Timeout | null = null;
	private closed = false;
	private readonly unsubscribe: (() => void)[];

	constructor(
		private readonly db: Kysely<Database>,
		private readonly events: DomainEvents,
		private readonly workshops: WorkshopService,
		private readonly options: ThemeServiceOptions = {}
	) {
		this.registry = new ThemeRegistry(
			(code) => this.open(code),
			(code, themes) => this.write(code, themes),
			options.limits ?? registryLimits(),
			options.now
		);
		this.unsubscribe =
			options.listen === false
				? []
				: INPUT_EVENTS.map((name) =>
						events.on(name, (payload) => this.applyInput({ name, payload } as InputEvent))
					);
	}

	/**
	 * Brings the engine in step with one stored change to an input, after the submission was
	 * acknowledged (never on its path). In a cluster the node that runs the engine gets here for
	 * inputs stored on any node.
	 */
	applyInput(event: InputEvent): void {
		const code = inputThemeKey(event);
		setImmediate(() => {
			if (this.closed) return;
			this.load(code)
				.then((w) => w.live.change((engine) => changeInput(engine, event)))
				.catch((err) => log.error('themes not updated', { code }, err));
		});
	}

	/** The workshop's themes, loaded from the database on first use. */
	private load(code: string): Promise<WorkshopThemes> {
		return this.registry.get(code);
	}

	private async open(code: string): Promise<WorkshopThemes> {
		const { live, history, rebuiltFrom } = await openThemes(this.db, code, {
			refineWorkerUrl: this.options.refineWorkerUrl,
			onChange: () => this.events.emit('themes.changed', parseThemeKey(code)),
			onPersist: () => this.persistLater(code)
		});
		// a rebuilt map replaces the damaged row at the next write
		if (rebuiltFrom) this.persistLater(code);
		return { live, history, queue: Promise.resolve() };
	}

	/**
	 * Opens every engine this node runs afresh from the database, and shows the result on the
	 * screens: after a Redis outage, inputs stored on other nodes meanwhile may not have reached
	 * it (the stored state keeps the facilitator's work and the theme ids).
	 */
	reopenAll(): void {
		for (const code of this.registry.codes()) {
			if (this.options.mayWrite && !this.options.mayWrite(code)) continue;
			this.registry.reopen(code);
			this.load(code)
				.then(() => this.events.emit('themes.changed', parseThemeKey(code)))
				.catch((err) => log.error('themes not opened again', { code }, err));
		}
	}

	/** Drops a workshop's engine without writing it: another node runs it now. */
	drop(code: string): void {
		this.dirty.delete(code);
		this.registry.drop(code);
	}

	/** The key of the themes the room sees now: those of the workshop's current question. */
	roomKey(code: string): Promise<string> {
		return this.workshops.roomThemeKey(code);
	}

	/** Whether this node has the workshop's engine in memory. */
	isOpen(code: string): boolean {
		return this.registry.peek(code) !== undefined;
	}

	/** Engines in memory now (operations and tests). */
	get enginesInMemory(): number {
		return this.registry.size;
	}

	/** Drops idle engines and those past the memory bound now, instead of at the next sweep. */
	sweep(): Promise<void> {
		return this.registry.sweep();
	}

	async snapshot(code: string): Promise<ThemesSnapshot> {
		const { live, history } = await this.load(code);
		return live.snapshot({
			undo: history.nextUndo()?.kind ?? null,
			redo: history.nextRedo()?.kind ?? null
		});
	}

	async themeExists(code: string, themeId: string): Promise<boolean> {
		const { live } = await this.load(code);
		return live.current.themes().some((t) => t.id === themeId);
	}

	/** The inputs nearest each theme's centre, taken in turn from each theme. */
	async representatives(code: string, themeIds: string[], n: number): Promise<string[]> {
		const { live } = await this.load(code);
		const engine = live.current;
		const ranked = engine
			.themes()
			.filter((t) => themeIds.includes(t.id))
			.map((t) => engine.representatives(t.id, n));
		const picked: string[] = [];
		for (let round = 0; picked.length < n && ranked.some((r) => r.length > round); round++) {
			for (const list of ranked) if (list[round] && picked.length < n) picked.push(list[round]);
		}
		return picked;
	}

	/** Runs a refinement now (the control room's "regroup" button, and tests). */
	async refine(code: string): Promise<ThemesSnapshot> {
		await (await this.load(code)).live.refine();
		return this.snapshot(code);
	}

	async currentThemes(code: string, themeIds: string[]): Promise<Record<string, string | null>> {
		const engine = (await this.load(code)).live.current;
		return Object.fromEntries(themeIds.map((id) => [id, engine.currentTheme(id)]));
	}

	/**
	 * From voting on, the map holds still: no refinement reshapes it, and every theme's name is
	 * locked, so when input opens again no theme people put dots on dissolves or is renamed.
	 */
	setPhase(code: string, phase: Phase): Promise<void> {
		return this.serial(code, async (w) => {
			const frozen = phase === 'voting' || phase === 'closed';
			if (frozen && !w.live.isFrozen) {
				w.live.change((engine) => {
					for (const t of engine.themes()) engine.rename(t.id, t.label, true);
				});
			}
			w.live.setFrozen(frozen);
		});
	}

	/** Why an input sits where it does: the words it shares with its theme. */
	async explain(
		code: string,
		payload: unknown
	): Promise<{ themeId: string | null; terms: string[] }> {
		const { inputId: id } = parse(ExplainInput, payload);
		const { live } = await this.load(code);
		return { themeId: live.current.themeOf(id), terms: live.current.explain(id) };
	}

	private serial<T>(code: string, run: (w: WorkshopThemes) => Promise<T>): Promise<T> {
		return this.load(code).then((w) => {
			const next = w.queue.then(() => run(w));
			w.queue = next.catch(() => undefined);
			return next;
		});
	}

	/** Carries out one facilitator action, logs it with the state before and after, and announces it. */
	act(code: string, payload: unknown): Promise<ThemesSnapshot> {
		const action: ThemeAction = parseThemeAction(payload);
		const scope = parseThemeKey(code);
		return this.serial(code, async (w) => {
			const engine = w.live.current;
			checkTargets(engine, action);
			if (action.type === 'hide')
				await this.workshops.setInputHidden(scope.code, action.inputId, action.hidden);
			const before = JSON.stringify(engine.exportState());
			w.live.change((e) => applyThemeAction(e, action));
			// a new granularity reshapes the whole map: the state kept for redo is the reshaped one
			if (action.type === 'granularity') await w.live.refine();
			const after = JSON.stringify(w.live.current.exportState());
			const id = await themeRepo.appendThemeAction(this.db, {
				workshop_code: scope.code,
				question: scope.question,
				kind: action.type,
				target_id: null,
				payload: JSON.stringify(action),
				state_before: before,
				state_after: after,
				created_at: new Date().toISOString()
			});
			w.history.did({
				id,
				kind: action.type,
				payload: JSON.stringify(action),
				stateBefore: before,
				stateAfter: after
			});
			await this.flush();
			return this.snapshot(code);
		});
	}

	undo(code: string): Promise<ThemesSnapshot> {
		return this.travel(code, 'undo');
	}

	redo(code: string): Promise<ThemesSnapshot> {
		return this.travel(code, 'redo');
	}

	private travel(code: string, direction: 'undo' | 'redo'): Promise<ThemesSnapshot> {
		const scope = parseThemeKey(code);
		return this.serial(code, async (w) => {
			const entry = direction === 'undo' ? w.history.nextUndo() : w.history.nextRedo();
			if (!entry) throw new DomainError('not_found', `Nothing to ${direction}.`);
			const action = JSON.parse(entry.payload) as ThemeAction;
			if (action.type === 'hide') {
				const hidden = direction === 'undo' ? !action.hidden : action.hidden;
				await this.workshops
					.setInputHidden(scope.code, action.inputId, hidden)
					.catch(() => undefined);
			}
			const rows = await inputs.listInputs(this.db, scope.code, {
				includeHidden: true,
				question: scope.question
			});
			const state = JSON.parse(
				direction === 'undo' ? entry.stateBefore : entry.stateAfter
			) as EngineState;
			w.live.replace(
				state,
				rows.map((r) => ({ id: r.id, text: r.text }))
			);
			await themeRepo.appendThemeAction(this.db, {
				workshop_code: scope.code,
				question: scope.question,
				kind: direction,
				target_id: entry.id,
				payload: '{}',
				state_before: null,
				state_after: null,
				created_at: new Date().toISOString()
			});
			(direction === 'undo' ? w.history.undid : w.history.redid).call(w.history, entry);
			await this.flush();
			return this.snapshot(code);
		});
	}

	private persistLater(code: string): void {
		if (this.closed) return;
		this.dirty.add(code);
		if (this.persistTimer) return;
		// Themes are rebuilt from the inputs anyway; writing their state every few seconds is enough.
		this.persistTimer = setTimeout(() => void this.flush(), this.options.persistDelayMs ?? 5000);
		this.persistTimer.unref();
	}

	/** Writes every pending engine state now (after facilitator actions, and on shutdown). */
	async flush(): Promise<void> {
		if (this.persistTimer) clearTimeout(this.persistTimer);
		this.persistTimer = null;
		// The state is exported here, not on every change: one export per write.
		const pending = [...this.dirty];
		this.dirty.clear();
		const now = new Date().toISOString();
		for (const code of pending) {
			const entry = await this.registry.peek(code)?.catch(() => null);
			if (entry) await this.write(code, entry, now);
		}
	}

	private async write(code: string, themes: WorkshopThemes, now = new Date().toISOString()) {
		// a node that lost the workshop to another must not overwrite what the new owner writes
		if (this.options.mayWrite && !this.options.mayWrite(code)) return;
		const state = JSON.stringify(themes.live.current.exportState());
		const { code: workshop, question } = parseThemeKey(code);
		await themeRepo.saveThemeState(this.db, workshop, question, state, now);
	}

	async close(): Promise<void> {
		this.unsubscribe.forEach((off) => off());
		await this.flush();
		this.closed = true;
		this.registry.stop();
		for (const entry of this.registry.all()) (await entry.catch(() => null))?.live.close();
		await this.flush();
	}
}
