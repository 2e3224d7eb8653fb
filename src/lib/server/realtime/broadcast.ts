import type { DomainEvents } from '../workshop/domain-events';
import { toScreenInput } from '../workshop/mappers';
import { participantRoom, roleRoom, staffRooms, workshopRoom } from './rooms';
import type { RealtimeServer } from './types';

/**
 * Turns domain events into what each room is sent: staff see every input, a participant sees only
 * their own (on every phone or tab they use), the projector the visible ones without authors. Returns a function that unsubscribes.
 */
export function wireBroadcasts(io: RealtimeServer, events: DomainEvents): () => void {
	const inputAudience = (code: string, participantId: string) => [
		...staffRooms(code),
		participantRoom(code, participantId)
	];
	// the projector: visible inputs only, without their author; a hidden one leaves the screen
	const projector = (code: string) => io.to(roleRoom(code, 'projector'));
	const offs = [
		events.on('input.created', ({ code, input }) => {
			io.to(inputAudience(code, input.participantId)).emit('input:created', input);
			if (!input.hidden && !input.held) projector(code).emit('input:created', toScreenInput(input));
		}),
		events.on('input.updated', ({ code, input }) => {
			io.to(inputAudience(code, input.participantId)).emit('input:updated', input);
			// hidden or waiting for approval: off the screen (an approved one arrives as an update)
			if (input.hidden || input.held) projector(code).emit('input:deleted', { id: input.id });
			else projector(code).emit('input:updated', toScreenInput(input));
		}),
		events.on('input.deleted', ({ code, id, participantId }) => {
			io.to([...inputAudience(code, participantId), roleRoom(code, 'projector')]).emit(
				'input:deleted',
				{ id }
			);
		}),
		events.on('workshop.updated', ({ code, workshop }) => {
			io.to(workshopRoom(code)).emit('workshop:updated', workshop);
		})
	];
	return () => offs.forEach((off) => off());
}
