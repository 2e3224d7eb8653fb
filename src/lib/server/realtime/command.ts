import type { Ack, Role } from '../../shared/types';
import { log } from '../log';
import { DomainError, toApiError } from '../workshop/errors';
import type { RealtimeSocket } from './types';

type Reply = (res: Ack<object>) => void;

/**
 * Registers one command: checks the role, runs the handler, and answers through the
 * acknowledgement with `{ ok: true, … }` or `{ ok: false, error }`. A throwing handler or a client
 * that sends no callback never takes the server down.
 */
export function command<T extends object>(
	socket: RealtimeSocket,
	event: string,
	roles: readonly Role[],
	handler: (payload: unknown) => Promise<T>
): void {
	const on = socket.on.bind(socket) as (
		event: string,
		listener: (...args: unknown[]) => void
	) => void;
	on(event, async (...args: unknown[]) => {
		const last = args[args.length - 1];
		const reply: Reply = typeof last === 'function' ? (last as Reply) : () => {};
		const payload = typeof last === 'function' ? args[0] : args[0];
		try {
			if (!roles.includes(socket.data.role)) {
				throw new DomainError('forbidden', `A ${socket.data.role} cannot do ${event}.`);
			}
			const data = await handler(typeof payload === 'function' ? undefined : payload);
			reply({ ok: true, ...data });
		} catch (err) {
			if (!(err instanceof DomainError))
				log.error('command failed', { event, code: socket.data.code }, err);
			reply({ ok: false, error: toApiError(err) });
		}
	});
}
