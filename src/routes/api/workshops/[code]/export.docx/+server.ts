import { exportResponse } from '$lib/server/export/respond';
import { renderDocx } from '$lib/server/export/docx';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(
		event,
		'docx',
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		async (report) => new Uint8Array(await renderDocx(report))
	);
