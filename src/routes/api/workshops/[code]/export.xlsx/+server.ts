import { exportResponse } from '$lib/server/export/respond';
import { renderXlsx } from '$lib/server/export/xlsx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(
		event,
		'xlsx',
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		async (report) => new Uint8Array(await renderXlsx(report))
	);
