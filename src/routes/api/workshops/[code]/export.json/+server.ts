import { json } from '@sveltejs/kit';
import { apiCall } from '$lib/server/api';
import { requireStaffApi } from '$lib/server/staff-auth';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	apiCall(async () => {
		const { code } = event.params;
		await requireStaffApi(event, code);
		const data = await event.locals.runtime.workshops.exportWorkshop(code);
		return json(data, {
			headers: {
				'content-disposition': `attachment; filename="innspill-${data.workshop.code}.json"`,
				'cache-control': 'no-store'
			}
		});
	});
