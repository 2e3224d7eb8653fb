import { exportResponse } from '$lib/server/export/respond';
import { renderCsv } from '$lib/server/export/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(event, 'csv', 'text/csv; charset=utf-8', renderCsv);
