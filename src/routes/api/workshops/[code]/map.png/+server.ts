import { exportResponse } from '$lib/server/export/respond';
import { reportMapPng } from '$lib/server/export/map-image';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(
		event,
		'png',
		'image/png',
		async (report) => new Uint8Array(await reportMapPng(report))
	);
