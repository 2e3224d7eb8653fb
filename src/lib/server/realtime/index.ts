import type { Server as HttpServer } from 'node:http';
import { log } from '../log';
import { Server } from 'socket.io';
import { CLIENT_EVENT_NAMES } from '../../shared/events';
import type { Runtime } from '../runtime';
import { authMiddleware } from './auth';
import { originAllowed } from './origin';
import { wireBroadcasts } from './broadcast';
import { boardHandlers } from './board.handlers';
import { wireThemeBroadcasts, wireVoteAndBoardBroadcasts } from './theme-broadcast';
import { facilitatorHandlers } from './facilitator.handlers';
import { participantHandlers } from './participant.handlers';
import { PresenceBoard } from './presence';
import { toScreenInput } from '../workshop/mappers';
import { command } from './command';
import { parse } from '../workshop/parse';
import { SyncSession } from '../../shared/schemas/index';
import { themeKey } from '../workshop/theme-key';
import type { SessionReady } from '../../shared/events';
import { floodGuard } from './flood';
import { participantRoom, roleRoom, workshopRoom } from './rooms';
import type { RealtimeServer, RealtimeSocket } from './types';

export interface Realtime {
	io: RealtimeServer;
	close(): Promise<void>;
}

const KNOWN_EVENTS = new Set<string>(CLIENT_EVENT_NAMES);
const EVERY_ROLE = ['participant', 'facilitator', 'board', 'projector'] as const;

/**
 * Attaches socket.io to an http server the caller owns (Vite's in development, ours in
 * production). Handlers only validate, call the workshop service and acknowledge; what others see
 * comes from the domain events, so form posts and socket commands broadcast alike.
 */
export function createRealtime(httpServer: HttpServer, runtime: Runtime): Realtime {
	const io: RealtimeServer = new Server(httpServer, {
		maxHttpBufferSize: 64 * 1024,
		allowRequest: (req, callback) =>
			callback(null, originAllowed(req.headers.origin, req.headers.host, runtime.config)),
		pingInterval: 10_000,
		pingTimeout: 8_000,
		...runtime.cluster?.serverOptions()
	});
	runtime.cluster?.themes.attach(io);
	const { workshops } = runtime;
	const presence = new PresenceBoard(io, runtime.cluster !== null);
	const forParticipant = participantHandlers(workshops, runtime.votes, runtime.limits);
	const forFacilitator = facilitatorHandlers(
		workshops,
		runtime.themes,
		runtime.votes,
		runtime.moderation,
		runtime.questions
	);
	const forBoard = boardHandlers(runtime.board);

	io.use(authMiddleware(workshops, runtime.limits, runtime.config));
	const unwire = wireBroadcasts(io, workshops.events);
	const unwireThemes = wireThemeBroadcasts(io, workshops.events, runtime);
	const unwireVotes = wireVoteAndBoardBroadcasts(io, workshops.events, runtime);

	io.on('connection', async (socket: RealtimeSocket) => {
		const { code, role, participantId } = socket.data;
		// Handlers first: a command sent right after connecting must not race the session set-up.
		socket.use(floodGuard(socket, runtime.limits.socketEvents));
		socket.onAny((event: string, ...args: unknown[]) => {
			if (KNOWN_EVENTS.has(event)) return;
			const ack = args[args.length - 1];
			if (typeof ack === 'function') {
				ack({ ok: false, error: { code: 'unknown_event', message: `Unknown event "${event}".` } });
			}
		});
		forParticipant(socket);
		forFacilitator(socket);
		forBoard(socket);

		socket.join([workshopRoom(code), roleRoom(code, role)]);
		if (role === 'participant') {
			if (!participantId) throw new Error('a phone without a participant id');
			socket.join(participantRoom(code, participantId));
			presence.join(code, participantId);
			socket.on('disconnect', () => presence.leave(code, participantId));
		}

		const ready = () => sessionFor(runtime, presence, socket.data);
		// when the room moves to another question, clients ask for the session again
		command(socket, 'session:sync', EVERY_ROLE, async (payload) => {
			parse(SyncSession, payload);
			return { session: await ready() };
		});
		try {
			socket.emit('session:ready', await ready());
		} catch (err) {
			log.error('session set-up failed', { code, role }, err);
			socket.disconnect(true);
		}
	});

	// After a Redis outage the broadcasts between nodes sent meanwhile are lost: every screen and
	// phone connected here is sent its session afresh, from the database, as on a reconnect.
	const resend = async () => {
		for (const socket of io.of('/').sockets.values()) {
			if (!socket.connected) continue;
			try {
				socket.emit('session:ready', await sessionFor(runtime, presence, socket.data));
			} catch (err) {
				log.warn('session not sent again', { code: socket.data.code, err: String(err) });
			}
		}
	};
	const unwireRecovery = runtime.cluster?.onRecovered(() => void resend());

	return {
		io,
		async close() {
			unwireRecovery?.();
			unwire();
			unwireThemes();
			unwireVotes();
			await new Promise<void>((resolve) => io.close(() => resolve()));
		}
	};
}

/** What a socket is sent when it connects (and asks again when the room changes question). */
async function sessionFor(
	runtime: Runtime,
	presence: PresenceBoard,
	{ code, role, participantId }: RealtimeSocket['data']
): Promise<SessionReady> {
	const { workshops } = runtime;
	const workshop = await workshops.getWorkshop(code);
	const key = themeKey(code, workshop.question);
	const participantsOnline = await presence.count(code);
	if (role === 'participant') {
		if (!participantId) throw new Error('a phone without a participant id');
		const votes = await runtime.votes.totals(code);
		return {
			role,
			workshop,
			participantId,
			participant: await workshops.identify(code, participantId),
			inputs: await workshops.participantInputs(code, participantId),
			participantsOnline,
			themes: workshop.phase === 'voting' ? await runtime.themes.snapshot(key) : undefined,
			votes: votes.visible ? votes : undefined,
			myVotes: await runtime.votes.mine(code, participantId)
		};
	}
	const [inputs, themes, votes] = await Promise.all([
		workshops.allInputs(code, workshop.question),
		runtime.themes.snapshot(key),
		runtime.votes.totals(code)
	]);
	if (role === 'projector') {
		// what the room's screen shows, and nothing more
		const shown = inputs.filter((i) => !i.hidden && !i.held).map(toScreenInput);
		return { role, workshop, inputs: shown, themes, votes, participantsOnline };
	}
	const board = await runtime.board.state(code);
	return { role, workshop, inputs, themes, votes, board, participantsOnline };
}
