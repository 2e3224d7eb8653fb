import type { RateLimits } from '../rate-limit';
import type { VoteService } from '../workshop/vote.service';
import type { WorkshopService } from '../workshop/workshop.service';
import { command } from './command';
import type { RealtimeSocket } from './types';

/** What a phone may do: its own inputs, its own profile and its own dots. */
export function participantHandlers(
	workshops: WorkshopService,
	votes: VoteService,
	limits: RateLimits
) {
	return (socket: RealtimeSocket) => {
		const { code, address } = socket.data;
		const me = () => socket.data.participantId ?? '';
		/** Every write counts against the person's and the address's allowance. */
		const limited = () => {
			limits.participantWrites.check(me());
			limits.addressWrites.check(address);
			return me();
		};
		/** A phone becomes a participant with its first write; new identities are limited too. */
		const newParticipant = () => limits.addressNewParticipants.check(address);
		command(socket, 'input:submit', ['participant'], async (payload) => ({
			input: await workshops.submitInput(code, limited(), payload, newParticipant)
		}));
		command(socket, 'input:edit', ['participant'], async (payload) => ({
			input: await workshops.editInput(code, limited(), payload)
		}));
		command(socket, 'input:delete', ['participant'], async (payload) => ({
			id: await workshops.deleteInput(code, limited(), payload)
		}));
		command(socket, 'vote:cast', ['participant'], async (payload) => {
			const id = limited();
			return {
				votes: await votes.cast(code, id, payload, {
					register: async () =>
						(await workshops.ensureParticipant(code, id, newParticipant)).participant,
					newVoter: () => limits.addressNewVoters.check(address)
				})
			};
		});
		command(socket, 'vote:retract', ['participant'], async (payload) => ({
			votes: await votes.retract(code, limited(), payload)
		}));
		command(socket, 'participant:update', ['participant'], async (payload) => ({
			participant: await workshops.updateProfile(code, limited(), payload, newParticipant)
		}));
	};
}
