import { fail, redirect } from '@sveltejs/kit';
import { languageFromHeader } from '$lib/server/language';
import { setPrivateCookie, setStaffCookie } from '$lib/server/staff-auth';
import { DomainError, httpStatus } from '$lib/server/workshop/errors';
import { boardCookieName } from '$lib/server/workshop/cookies';
import { defaultPrompt } from '$lib/server/workshop/validation';
import { guardCodeLookup } from '$lib/server/rate-limit';
import type { Language } from '$lib/shared/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ request, url }) => {
	const asked = url.searchParams.get('lang');
	const language: Language =
		asked === 'nb' || asked === 'en'
			? asked
			: languageFromHeader(request.headers.get('accept-language'));
	return {
		language,
		prompts: { nb: defaultPrompt('nb'), en: defaultPrompt('en') },
		code: url.searchParams.get('code') ?? ''
	};
};

export const actions: Actions = {
	create: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const fields = {
			title: String(form.get('title') ?? ''),
			prompt: String(form.get('prompt') ?? ''),
			promptOther: String(form.get('promptOther') ?? ''),
			language: String(form.get('language') ?? '')
		};
		let code: string;
		try {
			locals.runtime.limits.addressWorkshops.check(getClientAddress());
			const created = await locals.runtime.workshops.createWorkshop(fields);
			code = created.workshop.code;
			const secure = url.protocol === 'https:';
			setStaffCookie(cookies, code, 'facilitator', created.facilitatorToken, secure);
			// The creator's browser also keeps the board link, so the control room can hand it on.
			setPrivateCookie(cookies, boardCookieName(code), created.boardToken, secure, 90);
		} catch (err) {
			if (err instanceof DomainError)
				return fail(httpStatus(err.code), { create: fields, error: err.message });
			throw err;
		}
		redirect(303, `/${code}/facilitator`);
	},
	join: async ({ request, locals, getClientAddress }) => {
		const raw = String((await request.formData()).get('code') ?? '');
		try {
			const { workshops, limits } = locals.runtime;
			const workshop = await guardCodeLookup(limits, getClientAddress(), () =>
				workshops.getWorkshop(raw)
			);
			redirect(303, `/${workshop.code}`);
		} catch (err) {
			if (err instanceof DomainError)
				return fail(httpStatus(err.code), { join: { code: raw }, joinError: err.code });
			throw err;
		}
	}
};
