import type { ModerationService } from '../workshop/moderation.service';
import type { Themes } from '../workshop/themes';
import type { VoteService } from '../workshop/vote.service';
import type { WorkshopService } from '../workshop/workshop.service';
import { command } from './command';
import type { RealtimeSocket } from './types';

/** What only the facilitator may do. */
export function facilitatorHandlers(
	workshops: WorkshopService,
	themes: Themes,
	votes: VoteService,
	moderation: ModerationService
) {
	return (socket: RealtimeSocket) => {
		const { code } = socket.data;
		command(socket, 'workshop:set-phase', ['facilitator'], async (payload) => {
			const workshop = await workshops.setPhase(code, payload);
			await themes.setPhase(code, workshop.phase);
			return { workshop };
		});
		command(socket, 'voting:configure', ['facilitator'], async (payload) => ({
			workshop: await votes.configure(code, payload)
		}));
		command(socket, 'input:moderate', ['facilitator'], async (payload) => ({
			input: await moderation.moderate(code, payload)
		}));
		command(socket, 'moderation:configure', ['facilitator'], (payload) =>
			moderation.configure(code, payload)
		);
		command(socket, 'theme:act', ['facilitator'], async (payload) => ({
			themes: await themes.act(code, payload)
		}));
		command(socket, 'theme:undo', ['facilitator'], async () => ({
			themes: await themes.undo(code)
		}));
		command(socket, 'theme:redo', ['facilitator'], async () => ({
			themes: await themes.redo(code)
		}));
		command(socket, 'input:explain', ['facilitator', 'board'], (payload) =>
			themes.explain(code, payload)
		);
	};
}
