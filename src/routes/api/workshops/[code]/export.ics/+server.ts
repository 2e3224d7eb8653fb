import { exportResponse } from '$lib/server/export/respond';
import { renderIcs } from '$lib/server/export/ics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(event, 'ics', 'text/calendar; charset=utf-8', renderIcs);
