import { randomUUID } from 'node:crypto';
import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { setPrivateCookie } from '$lib/server/staff-auth';
import { DomainError, httpStatus } from '$lib/server/workshop/errors';
import { participantCookieName } from '$lib/server/workshop/cookies';
import type { WorkshopService } from '$lib/server/workshop/workshop.service';
import { languageFromHeader } from '$lib/server/language';
import type { Language } from '$lib/shared/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, cookies, url, request }) => {
	const code = params.code.toUpperCase();
	if (code !== params.code) redirect(308, `/${code}${url.search}`);
	const { workshops } = locals.runtime;
	try {
		const workshop = await workshops.getWorkshop(code);
		const participantId = cookies.get(participantCookieName(code));
		let inputs: Awaited<ReturnType<WorkshopService['participantInputs']>> = [];
		let participant = null;
		if (participantId) {
			// a page view registers no one: an id this workshop does not know is forgotten
			participant = await workshops.findParticipant(code, participantId);
			if (participant) inputs = await workshops.participantInputs(code, participant.id);
			else cookies.delete(participantCookieName(code), { path: '/' });
		}
		return {
			workshop,
			participant: participant?.id === participantId ? participant : null,
			inputs,
			// A fresh id in the plain form, so re-posting the same form cannot store the input twice.
			formId: randomUUID(),
			sent: url.searchParams.has('sent'),
			// the phone's own language for the page around the question; the question itself is
			// the workshop's
			uiLanguage: uiLanguage(request.headers.get('accept-language'), workshop.language)
		};
	} catch (err) {
		if (err instanceof DomainError)
			error(httpStatus(err.code), { message: err.message, code: err.code });
		throw err;
	}
};

/** The participant a form post comes from: the one the cookie names, or a new one. */
async function formParticipant(
	workshops: WorkshopService,
	code: string,
	cookies: Cookies,
	secure: boolean
) {
	const participant = await workshops.joinParticipant(
		code,
		cookies.get(participantCookieName(code))
	);
	setPrivateCookie(cookies, participantCookieName(code), participant.id, secure, 30);
	return participant;
}

export const actions: Actions = {
	submit: async ({ params, request, locals, cookies, url, getClientAddress }) => {
		const code = params.code.toUpperCase();
		const form = await request.formData();
		const payload = { id: form.get('id'), text: form.get('text') };
		try {
			const { workshops, limits } = locals.runtime;
			limits.addressWrites.check(getClientAddress());
			const participant = await formParticipant(
				workshops,
				code,
				cookies,
				url.protocol === 'https:'
			);
			limits.participantWrites.check(participant.id);
			await workshops.submitInput(code, participant.id, payload);
		} catch (err) {
			if (err instanceof DomainError) {
				return fail(httpStatus(err.code), { error: err.code, text: String(payload.text ?? '') });
			}
			throw err;
		}
		redirect(303, `/${code}?sent`);
	},
	profile: async ({ params, request, locals, cookies, url, getClientAddress }) => {
		const code = params.code.toUpperCase();
		const form = await request.formData();
		try {
			const { workshops, limits } = locals.runtime;
			limits.addressWrites.check(getClientAddress());
			const participant = await formParticipant(
				workshops,
				code,
				cookies,
				url.protocol === 'https:'
			);
			await workshops.updateProfile(code, participant.id, {
				name: String(form.get('name') ?? ''),
				organisation: String(form.get('organisation') ?? '')
			});
		} catch (err) {
			if (err instanceof DomainError) return fail(httpStatus(err.code), { error: err.code });
			throw err;
		}
		redirect(303, `/${code}`);
	}
};

/** The phone's language when it says one, else the workshop's. */
function uiLanguage(acceptLanguage: string | null, workshop: Language): Language {
	return acceptLanguage ? languageFromHeader(acceptLanguage) : workshop;
}
