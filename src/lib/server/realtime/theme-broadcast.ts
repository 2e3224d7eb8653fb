import type { DomainEvents } from '../workshop/domain-events';
import { log } from '../log';
import type { Runtime } from '../runtime';
import { roleRoom, screenRooms, staffRooms } from './rooms';
import { themeKey } from '../workshop/theme-key';
import type { RealtimeServer } from './types';

/** At most one snapshot per workshop and kind per interval, however fast changes arrive. */
export const THEME_BROADCAST_INTERVAL_MS = 100;

/**
 * Calls `send(code)` for a burst of changes: the first change in a quiet period goes out at once,
 * later ones wait for the interval and then go out together.
 */
function coalescer(send: (code: string) => Promise<void>) {
	const scheduled = new Map<string, NodeJS.Timeout>();
	const lastSent = new Map<string, number>();
	return {
		touch(code: string) {
			if (scheduled.has(code)) return;
			const wait = Math.max(
				0,
				(lastSent.get(code) ?? 0) + THEME_BROADCAST_INTERVAL_MS - Date.now()
			);
			scheduled.set(
				code,
				setTimeout(() => {
					scheduled.delete(code);
					const now = Date.now();
					// only recent sends matter; a workshop that went quiet leaves no entry behind
					if (lastSent.size > 256) {
						for (const [c, at] of lastSent)
							if (now - at > THEME_BROADCAST_INTERVAL_MS) lastSent.delete(c);
					}
					lastSent.set(code, now);
					send(code).catch((err) => log.error('broadcast failed', { code }, err));
				}, wait)
			);
		},
		stop() {
			for (const timer of scheduled.values()) clearTimeout(timer);
			scheduled.clear();
		}
	};
}

/** Theme snapshots to staff; to phones as well while they vote. */
export function wireThemeBroadcasts(
	io: RealtimeServer,
	events: DomainEvents,
	runtime: Runtime
): () => void {
	const themes = coalescer(async (code) => {
		// screens show the question the room answers now; a change to another one waits for it
		const workshop = await runtime.workshops.getWorkshop(code);
		const snapshot = await runtime.themes.snapshot(themeKey(code, workshop.question));
		const rooms = screenRooms(code);
		if (workshop.phase === 'voting') rooms.push(roleRoom(code, 'participant'));
		io.to(rooms).emit('themes:updated', snapshot);
	});
	const offs = [
		events.on('themes.changed', ({ code }) => themes.touch(code)),
		// Phones get the themes when voting opens.
		events.on('workshop.updated', ({ code, workshop }) => {
			if (workshop.phase === 'voting') themes.touch(code);
		})
	];
	return () => {
		offs.forEach((off) => off());
		themes.stop();
	};
}

/** Dot totals (to phones only once results are visible) and the board's workspace. */
export function wireVoteAndBoardBroadcasts(
	io: RealtimeServer,
	events: DomainEvents,
	runtime: Runtime
): () => void {
	const votes = coalescer(async (code) => {
		const totals = await runtime.votes.totals(code);
		const rooms = screenRooms(code);
		if (totals.visible) rooms.push(roleRoom(code, 'participant'));
		io.to(rooms).emit('votes:updated', totals);
	});
	const offs = [
		events.on('votes.changed', ({ code }) => votes.touch(code)),
		events.on('board.changed', ({ code, by }) => {
			runtime.board
				.state(code)
				.then((board) => io.to(staffRooms(code)).emit('board:updated', { board, by }))
				.catch((err) => log.error('board not sent', { code }, err));
		})
	];
	return () => {
		offs.forEach((off) => off());
		votes.stop();
	};
}
