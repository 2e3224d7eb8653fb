import { randomUUID } from 'node:crypto';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { guardCodeLookup } from '$lib/server/rate-limit';
import { setPrivateCookie } from '$lib/server/staff-auth';
import { DomainError, httpStatus } from '$lib/server/workshop/errors';
import { participantCookieName } from '$lib/server/workshop/cookies';
import type { WorkshopService } from '$lib/server/workshop/workshop.service';
import { languageFromHeader } from '$lib/server/language';
import type { Language } from '$lib/shared/types';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, locals, cookies, url, request } = event;
	const code = params.code.toUpperCase();
	if (code !== params.code) redirect(308, `/${code}${url.search}`);
	const { workshops, limits } = locals.runtime;
	try {
		const workshop = await guardCodeLookup(limits, event.getClientAddress(), () =>
			workshops.getWorkshop(code)
		);
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

/**
 * The participant a form post comes from: the one the cookie names, or a new id, stored with this
 * first write. The cookie is set once the write went through.
 */
async function formWriter(
	event: RequestEvent,
	write: (participantId: string, beforeCreate: () => void) => Promise<unknown>
) {
	const code = event.params.code!.toUpperCase();
	const { workshops, limits } = event.locals.runtime;
	const address = event.getClientAddress();
	limits.addressWrites.check(address);
	const { id } = await workshops.identify(code, event.cookies.get(participantCookieName(code)));
	limits.participantWrites.check(id);
	await write(id, () => limits.addressNewParticipants.check(address));
	const secure = event.url.protocol === 'https:';
	setPrivateCookie(event.cookies, participantCookieName(code), id, secure, 30);
}

export const actions: Actions = {
	submit: async (event) => {
		const code = event.params.code.toUpperCase();
		const form = await event.request.formData();
		const payload = { id: form.get('id'), text: form.get('text') };
		const { workshops } = event.locals.runtime;
		try {
			await formWriter(event, (id, beforeCreate) =>
				workshops.submitInput(code, id, payload, beforeCreate)
			);
		} catch (err) {
			if (err instanceof DomainError) {
				return fail(httpStatus(err.code), { error: err.code, text: String(payload.text ?? '') });
			}
			throw err;
		}
		redirect(303, `/${code}?sent`);
	},
	profile: async (event) => {
		const code = event.params.code.toUpperCase();
		const form = await event.request.formData();
		const profile = {
			name: String(form.get('name') ?? ''),
			organisation: String(form.get('organisation') ?? '')
		};
		const { workshops } = event.locals.runtime;
		try {
			await formWriter(event, (id, beforeCreate) =>
				workshops.updateProfile(code, id, profile, beforeCreate)
			);
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
