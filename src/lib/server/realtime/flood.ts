import type { Event as SocketPacket } from 'socket.io';
import { log } from '../log';
import { RateLimiter, type RateLimits } from '../rate-limit';
import type { RealtimeSocket } from './types';

/**
 * Caps the events one socket may send, before any handler (or the unknown-event reply) runs: a
 * burst, then a steady rate. An event over the cap is answered `rate_limited` and dropped; a
 * socket that keeps sending over it is disconnected, so one flooding client cannot hold up the
 * others.
 */
export function floodGuard(socket: RealtimeSocket, config: RateLimits['socketEvents']) {
	const bucket = new RateLimiter(config.burst, config.perSecond * 60);
	let refused = 0;
	return (packet: SocketPacket, next: (err?: Error) => void) => {
		if (bucket.take(socket.id)) return next();
		refused++;
		if (refused >= config.disconnectAfter) {
			if (socket.connected) {
				log.warn('socket disconnected for flooding', {
					code: socket.data.code,
					role: socket.data.role,
					address: socket.data.address,
					refused
				});
				socket.disconnect(true);
			}
			return;
		}
		const ack = packet[packet.length - 1];
		if (typeof ack === 'function') {
			ack({
				ok: false,
				error: { code: 'rate_limited', message: 'Too many events; slow down.' }
			});
		}
	};
}
