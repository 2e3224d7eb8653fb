import { exportResponse } from '$lib/server/export/respond';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(event, 'json', 'application/json; charset=utf-8', (report) =>
		JSON.stringify({
			workshop: report.workshop,
			participants: report.participants,
			inputs: report.inputs,
			themes: report.themes.themes,
			unsorted: report.themes.unsorted,
			votes: report.votes,
			mandate: report.board.mandate,
			focusAreas: report.board.focusAreas,
			plan: report.board.activities,
			exportedAt: report.exportedAt
		})
	);
