import { exportResponse } from '$lib/server/export/respond';
import { reportMapSvg } from '$lib/server/export/map-image';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(event, 'svg', 'image/svg+xml; charset=utf-8', reportMapSvg);
