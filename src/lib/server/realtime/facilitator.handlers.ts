import type { WorkshopService } from '../workshop/workshop.service';
import { command } from './command';
import type { RealtimeSocket } from './types';

/** What only the facilitator may do. */
export function facilitatorHandlers(workshops: WorkshopService) {
	return (socket: RealtimeSocket) => {
		const { code } = socket.data;
		command(socket, 'workshop:set-phase', ['facilitator'], async (payload) => ({
			workshop: await workshops.setPhase(code, payload)
		}));
	};
}
