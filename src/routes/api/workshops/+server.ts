import { json } from '@sveltejs/kit';
import { apiCall, readJson } from '$lib/server/api';
import { DomainError } from '$lib/server/workshop/errors';
import { workshopUrls } from '$lib/server/workshop/urls';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals, url, getClientAddress }) =>
	apiCall(async () => {
		// A browser on another site may not create workshops here; scripts send no Origin.
		const origin = request.headers.get('origin');
		if (origin && origin !== url.origin) {
			throw new DomainError('forbidden', 'Cross-site requests are not allowed.');
		}
		locals.runtime.limits.addressWorkshops.check(getClientAddress());
		const { workshops, baseUrl } = locals.runtime;
		const created = await workshops.createWorkshop(await readJson(request));
		const { code } = created.workshop;
		return json(
			{
				code,
				facilitatorToken: created.facilitatorToken,
				boardToken: created.boardToken,
				projectorToken: created.projectorToken,
				workshop: created.workshop,
				urls: workshopUrls(baseUrl(), code, created)
			},
			{ status: 201 }
		);
	});
