import type { BoardService } from '../workshop/board.service';
import { command } from './command';
import type { RealtimeSocket } from './types';

const BOARD = ['board', 'facilitator'] as const;

/** The board's workspace; the facilitator may edit it too. */
export function boardHandlers(board: BoardService) {
	return (socket: RealtimeSocket) => {
		const { code } = socket.data;
		const edits = [
			['board:mandate', board.updateMandate],
			['board:focus-save', board.saveFocusArea],
			['board:focus-delete', board.deleteFocusArea],
			['board:focus-order', board.orderFocusAreas],
			['board:activity-save', board.saveActivity],
			['board:activity-delete', board.deleteActivity]
		] as const;
		for (const [event, run] of edits) {
			command(socket, event, BOARD, async (payload) => ({
				board: await run.call(board, code, payload)
			}));
		}
	};
}
