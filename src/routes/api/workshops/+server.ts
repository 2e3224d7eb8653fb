import { json } from '@sveltejs/kit';
import { apiCall, readJson } from '$lib/server/api';
import { workshopUrls } from '$lib/server/workshop/urls';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) =>
	apiCall(async () => {
		const { workshops, baseUrl } = locals.runtime;
		const created = await workshops.createWorkshop(await readJson(request));
		const { code } = created.workshop;
		return json(
			{
				code,
				facilitatorToken: created.facilitatorToken,
				boardToken: created.boardToken,
				workshop: created.workshop,
				urls: workshopUrls(baseUrl(), code, created)
			},
			{ status: 201 }
		);
	});
