import type {
	Ack,
	ErrorCode,
	InputView,
	MyVotes,
	ParticipantView,
	ThemeView,
	VoteTotals,
	WorkshopView
} from '../shared/types';
import type { SessionReady } from '../shared/events';
import { browserStore, nowIso, Outbox, type OutboxEntry } from './outbox';
import {
	ACK_TIMEOUT_MS,
	connectSocket,
	trackConnection,
	type ClientSocket,
	type ConnectionState
} from './socket';

/** `held`: received, and waiting for the facilitator's approval before any screen shows it. */
export type InputStatus = 'sending' | 'received' | 'held' | 'failed';

/** What the server's copy of an input says about it. */
const stored = (input: { held: boolean }): InputStatus => (input.held ? 'held' : 'received');

export interface MyInput {
	id: string;
	text: string;
	createdAt: string;
	/** the question it answers (entries from before questions were numbered: the first) */
	question?: number;
	status: InputStatus;
	error?: ErrorCode | 'offline';
}

type Failure = ErrorCode | 'offline';

/** Wait before resending an input the server asked us to slow down for. */
const RETRY_MS = 3000;

/**
 * A phone's view of its workshop: its own inputs with their delivery state, the outbox that
 * resends what the server has not acknowledged, and the connection state shown on screen.
 */
export class ParticipantSession {
	connection = $state<ConnectionState>('connecting');
	workshop = $state<WorkshopView>() as WorkshopView;
	participant = $state<ParticipantView | null>(null);
	inputs = $state<MyInput[]>([]);
	/** While voting: the themes to vote on, the phone's own dots, and totals once visible. */
	themes = $state<ThemeView[]>([]);
	myVotes = $state<MyVotes>({ byTheme: {}, left: 0 });
	totals = $state<VoteTotals | null>(null);

	private socket: ClientSocket | null = null;
	private readonly outbox: Outbox;
	private readonly pidKey: string;

	constructor(workshop: WorkshopView, initial: InputView[]) {
		this.workshop = workshop;
		this.outbox = new Outbox(workshop.code, browserStore());
		this.pidKey = `innspill:pid:${workshop.code}`;
		this.inputs = initial.map((i) => ({ ...i, status: stored(i) }));
		for (const entry of this.outbox.all()) this.upsert({ ...entry, status: 'sending' });
	}

	get open(): boolean {
		return this.workshop.phase === 'collecting';
	}

	/** The phone's inputs to the question the room answers now. */
	get current(): MyInput[] {
		return this.inputs.filter((i) => (i.question ?? 1) === this.workshop.question);
	}

	private apply(session: SessionReady): void {
		const store = browserStore();
		this.workshop = session.workshop;
		this.participant = session.participant ?? null;
		if (session.participantId) store?.setItem(this.pidKey, session.participantId);
		for (const input of session.inputs) this.upsert({ ...input, status: stored(input) });
		this.themes = session.themes?.themes ?? [];
		if (session.myVotes) this.myVotes = session.myVotes;
		this.totals = session.votes ?? null;
	}

	/** The room moved to another question: its phase, themes and dots come with the session. */
	private sync(): void {
		this.socket?.timeout(ACK_TIMEOUT_MS).emit('session:sync', {}, (err, res) => {
			if (!err && res.ok) this.apply(res.session);
		});
	}

	start(): () => void {
		const store = browserStore();
		const socket = connectSocket({
			code: this.workshop.code,
			participantId: store?.getItem(this.pidKey) ?? undefined
		});
		this.socket = socket;
		trackConnection(socket, (state) => (this.connection = state));
		socket.on('session:ready', (session) => {
			this.apply(session);
			this.flush();
		});
		socket.on('themes:updated', (snapshot) => (this.themes = snapshot.themes));
		socket.on('votes:updated', (totals) => (this.totals = totals));
		socket.on('workshop:updated', (workshop) => {
			const moved = workshop.question !== this.workshop.question;
			this.workshop = workshop;
			if (moved) this.sync();
		});
		socket.on('input:created', (input) => this.upsert({ ...input, status: stored(input) }));
		// Moderated inputs leave the author's list too; they come back if the facilitator restores them.
		socket.on('input:updated', (input) =>
			input.hidden ? this.drop(input.id) : this.upsert({ ...input, status: stored(input) })
		);
		socket.on('input:deleted', ({ id }) => this.drop(id));
		return () => socket.disconnect();
	}

	private upsert(input: MyInput): void {
		const index = this.inputs.findIndex((i) => i.id === input.id);
		const next = {
			id: input.id,
			text: input.text,
			createdAt: input.createdAt,
			question: input.question,
			status: input.status,
			error: input.error
		};
		if (index === -1) this.inputs = [next, ...this.inputs];
		else this.inputs[index] = next;
	}

	private drop(id: string): void {
		this.inputs = this.inputs.filter((i) => i.id !== id);
		this.outbox.remove(id);
	}

	/** Queues an input and sends it when connected; it stays queued until the server acknowledges. */
	submit(text: string): void {
		const entry = {
			id: crypto.randomUUID(),
			text: text.trim(),
			createdAt: nowIso(),
			question: this.workshop.question
		};
		this.outbox.add(entry);
		this.upsert({ ...entry, status: 'sending' });
		this.send(entry);
	}

	retry(id: string): void {
		const input = this.inputs.find((i) => i.id === id);
		if (!input) return;
		const entry = { id, text: input.text, createdAt: input.createdAt, question: input.question };
		this.outbox.add(entry);
		this.upsert({ ...entry, status: 'sending' });
		this.send(entry);
	}

	private flush(): void {
		for (const entry of this.outbox.all()) this.send(entry);
	}

	private send(entry: OutboxEntry): void {
		const socket = this.socket;
		if (!socket?.connected) return; // sent by flush() on the next session:ready
		socket
			.timeout(ACK_TIMEOUT_MS)
			.emit(
				'input:submit',
				{ id: entry.id, text: entry.text, question: entry.question },
				(err, res) => {
					if (err) return; // no answer: still in the outbox, resent on reconnect
					if (res.ok) {
						this.outbox.remove(entry.id);
						this.upsert({ ...res.input, status: stored(res.input) });
					} else if (res.error.code === 'rate_limited' || res.error.code === 'internal') {
						// Not refused for good: keep it in the outbox and try again shortly.
						setTimeout(() => this.send(entry), RETRY_MS);
					} else {
						// The server refused it for good (closed, too long …): tell the person, stop resending.
						this.outbox.remove(entry.id);
						this.upsert({ ...entry, status: 'failed', error: res.error.code });
					}
				}
			);
	}

	private command<T extends object>(
		run: (socket: ClientSocket, done: (err: Error | null, res: Ack<T>) => void) => void
	): Promise<Failure | null> {
		const socket = this.socket;
		if (!socket?.connected) return Promise.resolve('offline');
		return new Promise((resolve) => {
			run(socket.timeout(ACK_TIMEOUT_MS) as unknown as ClientSocket, (err, res) => {
				if (err) resolve('offline');
				else resolve(res.ok ? null : res.error.code);
			});
		});
	}

	edit(id: string, text: string): Promise<Failure | null> {
		return this.command<{ input: InputView }>((s, done) =>
			s.emit('input:edit', { id, text }, ((err: Error | null, res: Ack<{ input: InputView }>) => {
				if (!err && res.ok) this.upsert({ ...res.input, status: 'received' });
				done(err, res);
			}) as never)
		);
	}

	remove(id: string): Promise<Failure | null> {
		const local = this.inputs.find((i) => i.id === id);
		if (local && local.status !== 'received') {
			this.drop(id);
			return Promise.resolve(null);
		}
		return this.command<{ id: string }>((s, done) =>
			s.emit('input:delete', { id }, ((err: Error | null, res: Ack<{ id: string }>) => {
				if (!err && res.ok) this.drop(id);
				done(err, res);
			}) as never)
		);
	}

	/** Places a dot; the id makes a retried tap the same dot. */
	vote(themeId: string): Promise<Failure | null> {
		const id = crypto.randomUUID();
		return this.command<{ votes: MyVotes }>((s, done) =>
			s.emit('vote:cast', { id, themeId }, ((err: Error | null, res: Ack<{ votes: MyVotes }>) => {
				if (!err && res.ok) this.myVotes = res.votes;
				done(err, res);
			}) as never)
		);
	}

	unvote(themeId: string): Promise<Failure | null> {
		return this.command<{ votes: MyVotes }>((s, done) =>
			s.emit('vote:retract', { themeId }, ((err: Error | null, res: Ack<{ votes: MyVotes }>) => {
				if (!err && res.ok) this.myVotes = res.votes;
				done(err, res);
			}) as never)
		);
	}

	saveProfile(name: string, organisation: string): Promise<Failure | null> {
		return this.command<{ participant: ParticipantView }>((s, done) =>
			s.emit('participant:update', { name, organisation }, ((
				err: Error | null,
				res: Ack<{ participant: ParticipantView }>
			) => {
				if (!err && res.ok) this.participant = res.participant;
				done(err, res);
			}) as never)
		);
	}
}
