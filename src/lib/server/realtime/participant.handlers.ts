import type { VoteService } from '../workshop/vote.service';
import type { WorkshopService } from '../workshop/workshop.service';
import { command } from './command';
import type { RealtimeSocket } from './types';

/** What a phone may do: its own inputs and its own profile. */
export function participantHandlers(workshops: WorkshopService, votes: VoteService) {
	return (socket: RealtimeSocket) => {
		const { code } = socket.data;
		const me = () => socket.data.participantId ?? '';
		command(socket, 'input:submit', ['participant'], async (payload) => ({
			input: await workshops.submitInput(code, me(), payload)
		}));
		command(socket, 'input:edit', ['participant'], async (payload) => ({
			input: await workshops.editInput(code, me(), payload)
		}));
		command(socket, 'input:delete', ['participant'], async (payload) => ({
			id: await workshops.deleteInput(code, me(), payload)
		}));
		command(socket, 'vote:cast', ['participant'], async (payload) => ({
			votes: await votes.cast(code, me(), payload)
		}));
		command(socket, 'vote:retract', ['participant'], async (payload) => ({
			votes: await votes.retract(code, me(), payload)
		}));
		command(socket, 'participant:update', ['participant'], async (payload) => ({
			participant: await workshops.updateProfile(code, me(), payload)
		}));
	};
}
