import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '../shared/events';

export type ClientSocket = Socket<ServerEvents, ClientEvents>;
export type ConnectionState = 'connecting' | 'online' | 'offline';

/**
 * The one place a page opens its socket. Polling comes first and upgrades to a websocket, so a
 * venue network that blocks websockets still works. Reconnection never gives up.
 */
export function connectSocket(auth: Record<string, string | undefined>): ClientSocket {
	const clean = Object.fromEntries(Object.entries(auth).filter(([, v]) => v !== undefined));
	return io({
		auth: clean,
		reconnection: true,
		reconnectionDelay: 500,
		reconnectionDelayMax: 5000,
		timeout: 10_000
	});
}

/** Acknowledgement wait before a command counts as not delivered (it stays in the outbox). */
export const ACK_TIMEOUT_MS = 8000;

/** Keeps a page's connection state in step with the socket. */
export function trackConnection(socket: ClientSocket, set: (state: ConnectionState) => void): void {
	socket.on('connect', () => set('online'));
	socket.on('disconnect', () => set('offline'));
	socket.on('connect_error', () => set(socket.active ? 'connecting' : 'offline'));
}
