import type { Server, Socket } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../../shared/events';
import type { Role } from '../../shared/types';

export interface SocketData {
	code: string;
	role: Role;
	participantId?: string;
	/** The client's network address, for per-address limits. */
	address: string;
}

export type RealtimeServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>;
