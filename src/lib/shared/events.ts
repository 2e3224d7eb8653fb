/**
 * The socket.io contract, both directions. Commands are `noun:verb`; broadcasts are past tense.
 * Every command takes an acknowledgement callback that receives `{ ok: true, … }` or
 * `{ ok: false, error: { code, message } }`.
 */
import type {
	Ack,
	BoardState,
	MyVotes,
	VoteTotals,
	InputView,
	ParticipantView,
	ScreenInput,
	Phase,
	Role,
	ThemesSnapshot,
	WorkshopView
} from './types';
import type {
	AddQuestionPayload,
	ConfigureModerationPayload,
	ConfigureVotingPayload,
	ModerateInputPayload,
	ProfilePayload,
	SaveActivityPayload,
	SaveFocusAreaPayload,
	SaveMandatePayload,
	SubmitInputPayload,
	ThemeActionPayload
} from './schemas/index';

export interface SessionReady {
	role: Role;
	workshop: WorkshopView;
	/** The participant's own id (assigned by the server when the client did not bring one). */
	participantId?: string;
	participant?: ParticipantView;
	/**
	 * A participant receives its own visible inputs; facilitator and board every input; the
	 * projector the visible ones without participant ids.
	 */
	inputs: InputView[] | ScreenInput[];
	participantsOnline: number;
	/** Staff, and participants while voting: the current themes. */
	themes?: ThemesSnapshot;
	/** Dot totals (staff always; participants once results are visible). */
	votes?: VoteTotals;
	/** A participant's own dots. */
	myVotes?: MyVotes;
	/** Board and facilitator: the mandate, focus areas and annual plan. */
	board?: BoardState;
}

type BoardAck = (res: Ack<{ board: BoardState }>) => void;

export interface ClientEvents {
	/** The session again, as `session:ready` gave it (after the room changed question). */
	'session:sync': (
		payload: Record<string, never>,
		ack: (res: Ack<{ session: SessionReady }>) => void
	) => void;
	'question:add': (
		payload: AddQuestionPayload,
		ack: (res: Ack<{ workshop: WorkshopView }>) => void
	) => void;
	'question:switch': (
		payload: { number: number },
		ack: (res: Ack<{ workshop: WorkshopView }>) => void
	) => void;
	'input:submit': (
		payload: SubmitInputPayload,
		ack: (res: Ack<{ input: InputView }>) => void
	) => void;
	'input:edit': (
		payload: { id: string; text: string },
		ack: (res: Ack<{ input: InputView }>) => void
	) => void;
	'input:delete': (payload: { id: string }, ack: (res: Ack<{ id: string }>) => void) => void;
	'participant:update': (
		payload: ProfilePayload,
		ack: (res: Ack<{ participant: ParticipantView }>) => void
	) => void;
	'theme:act': (
		payload: ThemeActionPayload,
		ack: (res: Ack<{ themes: ThemesSnapshot }>) => void
	) => void;
	'theme:undo': (
		payload: Record<string, never>,
		ack: (res: Ack<{ themes: ThemesSnapshot }>) => void
	) => void;
	'theme:redo': (
		payload: Record<string, never>,
		ack: (res: Ack<{ themes: ThemesSnapshot }>) => void
	) => void;
	'input:explain': (
		payload: { inputId: string },
		ack: (res: Ack<{ themeId: string | null; terms: string[] }>) => void
	) => void;
	'vote:cast': (
		payload: { id: string; themeId: string },
		ack: (res: Ack<{ votes: MyVotes }>) => void
	) => void;
	'vote:retract': (
		payload: { themeId: string },
		ack: (res: Ack<{ votes: MyVotes }>) => void
	) => void;
	'voting:configure': (
		payload: ConfigureVotingPayload,
		ack: (res: Ack<{ workshop: WorkshopView }>) => void
	) => void;
	'board:mandate': (payload: SaveMandatePayload, ack: BoardAck) => void;
	'board:focus-save': (payload: SaveFocusAreaPayload, ack: BoardAck) => void;
	'board:focus-delete': (payload: { id: string; editor?: string }, ack: BoardAck) => void;
	'board:focus-order': (payload: { ids: string[]; editor?: string }, ack: BoardAck) => void;
	'board:activity-save': (payload: SaveActivityPayload, ack: BoardAck) => void;
	'board:activity-delete': (payload: { id: string; editor?: string }, ack: BoardAck) => void;
	'input:moderate': (
		payload: ModerateInputPayload,
		ack: (res: Ack<{ input: InputView }>) => void
	) => void;
	'moderation:configure': (
		payload: ConfigureModerationPayload,
		ack: (res: Ack<{ workshop: WorkshopView; words: string[] }>) => void
	) => void;
	'workshop:set-phase': (
		payload: { phase: Phase },
		ack: (res: Ack<{ workshop: WorkshopView }>) => void
	) => void;
}

export interface ServerEvents {
	'session:ready': (session: SessionReady) => void;
	/** Staff and the author get an `InputView`; the projector a `ScreenInput`. */
	'input:created': (input: ScreenInput) => void;
	'input:updated': (input: ScreenInput) => void;
	'input:deleted': (payload: { id: string }) => void;
	'workshop:updated': (workshop: WorkshopView) => void;
	'presence:updated': (payload: { participantsOnline: number }) => void;
	/** At most about ten a second per workshop, whatever the rate of inputs. */
	'themes:updated': (snapshot: ThemesSnapshot) => void;
	'votes:updated': (totals: VoteTotals) => void;
	'board:updated': (payload: { board: BoardState; by: string | null }) => void;
}

/** The facilitator's edits to the themes; see docs/protocol.md. */
export type { ThemeActionPayload } from './schemas/index';

export const CLIENT_EVENT_NAMES: readonly (keyof ClientEvents)[] = [
	'session:sync',
	'question:add',
	'question:switch',
	'theme:act',
	'theme:undo',
	'theme:redo',
	'input:explain',
	'vote:cast',
	'vote:retract',
	'voting:configure',
	'board:mandate',
	'board:focus-save',
	'board:focus-delete',
	'board:focus-order',
	'board:activity-save',
	'board:activity-delete',
	'input:submit',
	'input:edit',
	'input:delete',
	'participant:update',
	'input:moderate',
	'moderation:configure',
	'workshop:set-phase'
];
