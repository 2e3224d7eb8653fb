import type { ModerationService } from '../workshop/moderation.service';
import type { QuestionService } from '../workshop/questions';
import { themeKey } from '../workshop/theme-key';
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
	moderation: ModerationService,
	questions: QuestionService
) {
	return (socket: RealtimeSocket) => {
		const { code } = socket.data;
		// the facilitator steers the themes of the question the room answers now
		const room = () => workshops.roomThemeKey(code);
		command(socket, 'workshop:set-phase', ['facilitator'], async (payload) => {
			const workshop = await workshops.setPhase(code, payload);
			await themes.setPhase(themeKey(code, workshop.question), workshop.phase);
			return { workshop };
		});
		command(socket, 'question:add', ['facilitator'], async (payload) => ({
			workshop: await questions.add(code, payload)
		}));
		command(socket, 'question:switch', ['facilitator'], async (payload) => ({
			workshop: await questions.switchTo(code, payload)
		}));
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
			themes: await themes.act(await room(), payload)
		}));
		command(socket, 'theme:undo', ['facilitator'], async () => ({
			themes: await themes.undo(await room())
		}));
		command(socket, 'theme:redo', ['facilitator'], async () => ({
			themes: await themes.redo(await room())
		}));
		command(socket, 'input:explain', ['facilitator', 'board'], async (payload) =>
			themes.explain(await room(), payload)
		);
	};
}
