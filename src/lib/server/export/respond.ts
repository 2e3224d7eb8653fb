import type { RequestEvent } from '@sveltejs/kit';
import { apiCall } from '../api';
import { requireStaffApi } from '../staff-auth';
import { gatherReport, type WorkshopReport } from './report';

/** One export endpoint: staff only, the report gathered, the body rendered, never cached. */
export function exportResponse(
	event: RequestEvent,
	extension: string,
	contentType: string,
	render: (report: WorkshopReport) => Promise<BodyInit> | BodyInit
): Promise<Response> {
	return apiCall(async () => {
		const code = event.params.code ?? '';
		await requireStaffApi(event, code);
		const report = await gatherReport(event.locals.runtime, code.toUpperCase());
		return new Response(await render(report), {
			headers: {
				'content-type': contentType,
				'content-disposition': `attachment; filename="innspill-${report.workshop.code}.${extension}"`,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff'
			}
		});
	});
}
