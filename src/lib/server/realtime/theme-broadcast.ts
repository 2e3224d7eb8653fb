import type { DomainEvents } from '../workshop/domain-events';
import type { ThemeService } from '../workshop/theme.service';
import { staffRooms } from './rooms';
import type { RealtimeServer } from './types';

/** At most one theme snapshot per workshop per interval, however fast inputs arrive. */
export const THEME_BROADCAST_INTERVAL_MS = 100;

/**
 * Coalesces theme changes: the first change in a quiet period is sent at once, later ones wait for
 * the interval to pass and then go out together as one compact snapshot.
 */
export function wireThemeBroadcasts(
	io: RealtimeServer,
	events: DomainEvents,
	themes: ThemeService
): () => void {
	const scheduled = new Map<string, NodeJS.Timeout>();
	const lastSent = new Map<string, number>();

	const send = async (code: string) => {
		scheduled.delete(code);
		lastSent.set(code, Date.now());
		try {
			io.to(staffRooms(code)).emit('themes:updated', await themes.snapshot(code));
		} catch (err) {
			console.error(`themes of ${code} not sent`, err);
		}
	};

	const off = events.on('themes.changed', ({ code }) => {
		if (scheduled.has(code)) return;
		const wait = Math.max(0, (lastSent.get(code) ?? 0) + THEME_BROADCAST_INTERVAL_MS - Date.now());
		scheduled.set(
			code,
			setTimeout(() => void send(code), wait)
		);
	});

	return () => {
		off();
		for (const timer of scheduled.values()) clearTimeout(timer);
		scheduled.clear();
	};
}
