import type { DomainEvents } from '../workshop/domain-events';
import { participantRoom, staffRooms, workshopRoom } from './rooms';
import type { RealtimeServer } from './types';

/**
 * Turns domain events into what each room is sent: staff see every input, a participant sees only
 * their own (on every phone or tab they use). Returns a function that unsubscribes.
 */
export function wireBroadcasts(io: RealtimeServer, events: DomainEvents): () => void {
	const inputAudience = (code: string, participantId: string) => [
		...staffRooms(code),
		participantRoom(code, participantId)
	];
	const offs = [
		events.on('input.created', ({ code, input }) => {
			io.to(inputAudience(code, input.participantId)).emit('input:created', input);
		}),
		events.on('input.updated', ({ code, input }) => {
			io.to(inputAudience(code, input.participantId)).emit('input:updated', input);
		}),
		events.on('input.deleted', ({ code, id, participantId }) => {
			io.to(inputAudience(code, participantId)).emit('input:deleted', { id });
		}),
		events.on('workshop.updated', ({ code, workshop }) => {
			io.to(workshopRoom(code)).emit('workshop:updated', workshop);
		})
	];
	return () => offs.forEach((off) => off());
}
