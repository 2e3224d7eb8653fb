import { SvelteSet } from 'svelte/reactivity';
import type { ClientEvents, SessionReady, ThemeActionPayload } from '../shared/events';
import type {
	ConfigureModerationPayload,
	ConfigureVotingPayload
} from '../shared/schemas/workshop';

export type BoardEvent = Extract<keyof ClientEvents, `board:${string}`>;
import {
	EMPTY_THEMES,
	type Ack,
	type ErrorCode,
	type ScreenInput,
	type Phase,
	type BoardState,
	type ThemesSnapshot,
	type VoteTotals,
	type WorkshopView
} from '../shared/types';
import {
	ACK_TIMEOUT_MS,
	connectSocket,
	trackConnection,
	type ClientSocket,
	type ConnectionState
} from './socket';

/**
 * The facilitator's, projector's and board's live view of a workshop. The staff token travels in
 * the httpOnly cookie the page load set, so it never sits in page script.
 */
export class StaffSession {
	connection = $state<ConnectionState>('connecting');
	workshop = $state<WorkshopView>() as WorkshopView;
	inputs = $state<ScreenInput[]>([]);
	participantsOnline = $state(0);
	themes = $state<ThemesSnapshot>(EMPTY_THEMES);
	votes = $state<VoteTotals>({ totals: {}, voters: 0, visible: false });
	board = $state<BoardState>({
		mandate: { purpose: '', scope: '', yearTheme: '', updatedAt: null, updatedBy: null },
		focusAreas: [],
		activities: []
	});
	/** Who made the last board change that arrived from elsewhere, for a visible notice. */
	lastBoardChange = $state<{ by: string | null; at: number } | null>(null);
	/** Ids of inputs that arrived while this page was open, for a short highlight. */
	readonly fresh = new SvelteSet<string>();

	private socket: ClientSocket | null = null;

	constructor(
		workshop: WorkshopView,
		inputs: ScreenInput[],
		themes?: ThemesSnapshot,
		/** the role the page opens: the socket signs in with that role's cookie */
		private readonly role: 'facilitator' | 'board' | 'projector' = 'facilitator'
	) {
		this.workshop = workshop;
		this.inputs = inputs;
		if (themes) this.themes = themes;
	}

	/** Inputs by id, for drawing themes. */
	readonly byId: Record<string, ScreenInput> = $derived(
		Object.fromEntries(this.inputs.map((i) => [i.id, i]))
	);

	get visibleInputs(): ScreenInput[] {
		return this.inputs.filter((i) => !i.hidden && !i.held);
	}

	/** Inputs waiting for the facilitator's approval, oldest first. */
	get held(): ScreenInput[] {
		return this.inputs.filter((i) => i.held && !i.hidden);
	}

	start(): () => void {
		const socket = connectSocket({ code: this.workshop.code, role: this.role });
		this.socket = socket;
		trackConnection(socket, (state) => (this.connection = state));
		socket.on('session:ready', (session) => this.apply(session));
		socket.on('themes:updated', (snapshot) => (this.themes = snapshot));
		socket.on('votes:updated', (totals) => (this.votes = totals));
		socket.on('board:updated', ({ board, by }) => {
			this.board = board;
			this.lastBoardChange = { by, at: Date.now() };
		});
		socket.on('workshop:updated', (workshop) => {
			const moved = workshop.question !== this.workshop.question;
			this.workshop = workshop;
			// another question in the room: its inputs, themes and dots come with the session
			if (moved) {
				socket.timeout(ACK_TIMEOUT_MS).emit('session:sync', {}, (err, res) => {
					if (!err && res.ok) this.apply(res.session);
				});
			}
		});
		socket.on(
			'presence:updated',
			({ participantsOnline }) => (this.participantsOnline = participantsOnline)
		);
		socket.on('input:created', (input) => {
			// a late answer to a question the room has left waits for that question
			if (input.question !== this.workshop.question) return;
			if (this.inputs.some((i) => i.id === input.id)) return;
			this.inputs = [...this.inputs, input];
			this.fresh.add(input.id);
			setTimeout(() => this.fresh.delete(input.id), 4000);
		});
		socket.on('input:updated', (input) => {
			if (input.question !== this.workshop.question) return;
			// an input approved after review arrives at the projector as an update
			if (!this.inputs.some((i) => i.id === input.id)) this.inputs = [...this.inputs, input];
			else this.inputs = this.inputs.map((i) => (i.id === input.id ? input : i));
		});
		socket.on('input:deleted', ({ id }) => {
			this.inputs = this.inputs.filter((i) => i.id !== id);
		});
		return () => socket.disconnect();
	}

	private apply(session: SessionReady): void {
		this.workshop = session.workshop;
		this.inputs = session.inputs;
		this.participantsOnline = session.participantsOnline;
		if (session.themes) this.themes = session.themes;
		if (session.votes) this.votes = session.votes;
		if (session.board) this.board = session.board;
	}

	/** Puts another of the workshop's questions in the room. */
	switchQuestion(number: number) {
		return this.command<{ workshop: WorkshopView }>('question:switch', { number });
	}

	/** Adds a question; with `activate`, the room answers it at once. */
	addQuestion(prompt: string, promptOther: string | null, activate: boolean) {
		return this.command<{ workshop: WorkshopView }>('question:add', {
			prompt,
			promptOther: promptOther || undefined,
			activate
		});
	}

	/** Sends a command and resolves with null on success or the refusal's code. */
	private command<T extends object>(
		event: string,
		payload: object,
		onOk?: (res: T) => void
	): Promise<ErrorCode | 'offline' | null> {
		const socket = this.socket;
		if (!socket?.connected) return Promise.resolve('offline');
		const timed = socket.timeout(ACK_TIMEOUT_MS);
		const emit = timed.emit.bind(timed) as unknown as (
			event: string,
			payload: object,
			ack: (err: Error | null, res: Ack<T>) => void
		) => void;
		return new Promise((resolve) => {
			emit(event, payload, (err, res) => {
				if (err) return resolve('offline');
				if (!res.ok) return resolve(res.error.code);
				onOk?.(res);
				resolve(null);
			});
		});
	}

	setPhase(phase: Phase) {
		return this.command<{ workshop: WorkshopView }>('workshop:set-phase', { phase }, (res) => {
			this.workshop = res.workshop;
		});
	}

	private applyThemes = (res: { themes: ThemesSnapshot }) => {
		if (res.themes.version >= this.themes.version) this.themes = res.themes;
	};

	act(action: ThemeActionPayload) {
		return this.command('theme:act', action, this.applyThemes);
	}

	undo() {
		return this.command('theme:undo', {}, this.applyThemes);
	}

	redo() {
		return this.command('theme:redo', {}, this.applyThemes);
	}

	/** Approve, hide or correct one input; the change comes back as input:updated. */
	moderate(inputId: string, action: 'approve' | 'hide' | 'edit', text?: string) {
		return this.command('input:moderate', { inputId, action, text });
	}

	configureModeration(config: ConfigureModerationPayload, onWords?: (words: string[]) => void) {
		return this.command<{ workshop: WorkshopView; words: string[] }>(
			'moderation:configure',
			config,
			(res) => {
				this.workshop = res.workshop;
				onWords?.(res.words);
			}
		);
	}

	configureVoting(config: ConfigureVotingPayload) {
		return this.command<{ workshop: WorkshopView }>('voting:configure', config, (res) => {
			this.workshop = res.workshop;
		});
	}

	/** A board edit; the reply carries the whole workspace, which replaces ours. */
	editBoard(event: BoardEvent, payload: object) {
		return this.command<{ board: BoardState }>(event, payload, (res) => {
			this.board = res.board;
		});
	}

	async explain(inputId: string): Promise<string[] | null> {
		let terms: string[] | null = null;
		await this.command<{ terms: string[] }>(
			'input:explain',
			{ inputId },
			(res) => (terms = res.terms)
		);
		return terms;
	}
}
