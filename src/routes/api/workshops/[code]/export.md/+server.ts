import { exportResponse } from '$lib/server/export/respond';
import { renderMarkdown } from '$lib/server/export/markdown';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	exportResponse(event, 'md', 'text/markdown; charset=utf-8', renderMarkdown);
