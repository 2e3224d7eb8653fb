import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiError, Phase } from '../../shared/types';
import { log } from '../log';
import type { RealtimeServer } from '../realtime/types';
import type { DomainEvents } from '../workshop/domain-events';
import { DomainError, toApiError } from '../workshop/errors';
import { INPUT_EVENTS, inputThemeKey, type InputEvent } from '../workshop/theme-inputs';
import type { ThemeService } from '../workshop/theme.service';
import { THEME_METHODS, type ThemeMethod, type Themes } from '../workshop/themes';
import { parseThemeKey } from '../workshop/theme-key';
import type { Leases } from './leases';

/** Server-to-server messages (socket.io's inter-server channel, over Redis). */
const CALL = 'innspill:themes';
const REPLY = 'innspill:themes-reply';
const INPUT = 'innspill:input';

interface Call {
	code: string;
	method: ThemeMethod;
	args: unknown[];
}
/** A call goes to every node; only the lease holder answers, by the call's id. */
interface Request extends Call {
	id: string;
}
type Answer = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** Changes to the map are never sent twice: if the owner may have got one, it is not resent. */
const CHANGES = new Set<ThemeMethod>(['act', 'undo', 'redo', 'refine', 'setPhase']);

const unavailable = () =>
	new DomainError('unavailable', 'The workshop is moving to another server; try again.');

/**
 * The themes of a cluster of nodes: exactly one node, the holder of a workshop's lease, runs its
 * engine. Every other node hands it the inputs stored there and asks it for snapshots and
 * facilitator actions. When the holder dies, its lease runs out and the next node that needs the
 * workshop (or has its screens connected) takes the lease and opens the engine from the stored
 * state, the inputs and the action log, keeping theme ids.
 */
export class ClusterThemes implements Themes {
	private io: RealtimeServer | null = null;
	private readonly waiting = new Map<string, (answer: Answer) => void>();
	private readonly unsubscribe: (() => void)[];
	private readonly adopter: NodeJS.Timeout;

	constructor(
		private readonly local: ThemeService,
		private readonly leases: Leases,
		private readonly events: DomainEvents,
		private readonly callTimeoutMs = 3000
	) {
		this.unsubscribe = INPUT_EVENTS.map((name) =>
			events.on(name, (payload) => void this.routeInput({ name, payload } as InputEvent))
		);
		this.adopter = setInterval(() => void this.adopt(), Math.max(50, leases.ttlMs / 2));
		this.adopter.unref();
	}

	/** Joins the inter-server channel of the socket.io server (with the Redis adapter). */
	attach(io: RealtimeServer): void {
		this.io = io;
		const on = io.on.bind(io) as (event: string, listener: (...args: never[]) => void) => void;
		on(CALL, (request: Request) => void this.answer(request));
		on(REPLY, (id: string, answer: Answer) => this.waiting.get(id)?.(answer));
		on(INPUT, (event: InputEvent) => {
			if (this.leases.holds(inputThemeKey(event))) this.local.applyInput(event);
		});
	}

	snapshot = (code: string) => this.call(code, 'snapshot', []) as ReturnType<Themes['snapshot']>;
	themeExists = (code: string, themeId: string) =>
		this.call(code, 'themeExists', [themeId]) as Promise<boolean>;
	representatives = (code: string, themeIds: string[], n: number) =>
		this.call(code, 'representatives', [themeIds, n]) as Promise<string[]>;
	refine = (code: string) => this.call(code, 'refine', []) as ReturnType<Themes['refine']>;
	explain = (code: string, payload: unknown) =>
		this.call(code, 'explain', [payload]) as ReturnType<Themes['explain']>;
	act = (code: string, payload: unknown) =>
		this.call(code, 'act', [payload]) as ReturnType<Themes['act']>;
	undo = (code: string) => this.call(code, 'undo', []) as ReturnType<Themes['undo']>;
	redo = (code: string) => this.call(code, 'redo', []) as ReturnType<Themes['redo']>;
	currentThemes = (code: string, themeIds: string[]) =>
		this.call(code, 'currentThemes', [themeIds]) as ReturnType<Themes['currentThemes']>;
	setPhase = (code: string, phase: Phase) =>
		this.call(code, 'setPhase', [phase]) as ReturnType<Themes['setPhase']>;

	/** Runs here when this node holds (or can take) the workshop; otherwise asks the holder. */
	private async call(code: string, method: ThemeMethod, args: unknown[]): Promise<unknown> {
		const deadline = Date.now() + this.leases.ttlMs + 2 * this.callTimeoutMs;
		for (;;) {
			if (await this.mine(code)) return this.runLocal({ code, method, args });
			const answer = await this.ask({ code, method, args });
			if (answer?.ok) return answer.value;
			if (answer) throw new DomainError(answer.error.code, answer.error.message);
			// no answer: the holder may have died after carrying out a change, so none is resent
			if (CHANGES.has(method) || Date.now() > deadline) throw unavailable();
			await sleep(200);
		}
	}

	private async mine(code: string): Promise<boolean> {
		if (this.leases.holds(code)) return true;
		return (await this.leases.holder(code)) === null && (await this.leases.claim(code));
	}

	private runLocal({ code, method, args }: Call): Promise<unknown> {
		const run = this.local[method] as (code: string, ...args: unknown[]) => Promise<unknown>;
		return run.call(this.local, code, ...args);
	}

	/** Asks the holder; null when no answer came in time (no holder, or it died). */
	private ask(call: Call): Promise<Answer | null> {
		const io = this.io;
		if (!io) return Promise.resolve(null);
		const id = randomUUID();
		return new Promise((resolve) => {
			const timer = setTimeout(() => done(null), this.callTimeoutMs);
			const done = (answer: Answer | null) => {
				clearTimeout(timer);
				this.waiting.delete(id);
				resolve(answer);
			};
			this.waiting.set(id, done);
			io.serverSideEmit(CALL as never, { id, ...call } as never);
		});
	}

	private async answer(request: Request): Promise<void> {
		const io = this.io;
		const known =
			io &&
			typeof request?.id === 'string' &&
			typeof request.code === 'string' &&
			THEME_METHODS.includes(request.method) &&
			Array.isArray(request.args);
		if (!known || !this.leases.holds(request.code)) return;
		const reply = (answer: Answer) =>
			io.serverSideEmit(REPLY as never, request.id as never, answer as never);
		try {
			reply({ ok: true, value: await this.runLocal(request) });
		} catch (err) {
			if (!(err instanceof DomainError))
				log.error('theme call failed', { code: request.code, method: request.method }, err);
			reply({ ok: false, error: toApiError(err) });
		}
	}

	private async routeInput(event: InputEvent): Promise<void> {
		const code = inputThemeKey(event);
		try {
			if (await this.mine(code)) return this.local.applyInput(event);
			this.io?.serverSideEmit(INPUT as never, event as never);
		} catch (err) {
			// the input is stored; whoever opens the engine next reads it from the database
			log.warn('input not handed to the theme engine', { code, err: String(err) });
		}
	}

	/**
	 * Takes over workshops whose screens or phones are connected here and that nobody runs: after
	 * a node died, the map comes back within a few seconds even if no one types.
	 */
	private async adopt(): Promise<void> {
		const io = this.io;
		if (!io) return;
		for (const room of io.of('/').adapter.rooms.keys()) {
			const workshop = /^w:([A-Z0-9]+)$/.exec(room)?.[1];
			if (!workshop) continue;
			try {
				// the themes the room sees now: its current question's
				const code = await this.local.roomKey(workshop);
				if (this.leases.holds(code)) continue;
				if ((await this.leases.holder(code)) !== null || !(await this.leases.claim(code))) continue;
				await this.local.snapshot(code);
				this.events.emit('themes.changed', parseThemeKey(code));
			} catch (err) {
				log.warn('workshop not taken over', { code: workshop, err: String(err) });
			}
		}
	}

	/** Redis is back after an outage: the inputs handed over meanwhile may be lost. */
	recovered(): void {
		this.local.reopenAll();
	}

	/** Drops an engine whose lease another node took. */
	lost(code: string): void {
		this.local.drop(code);
	}

	async close(): Promise<void> {
		clearInterval(this.adopter);
		this.unsubscribe.forEach((off) => off());
		await this.local.close();
		await this.leases.release();
	}
}
