import type { RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/shared/types';
import { qrSvg } from './qr';
import { requireStaffPage } from './staff-auth';
import { boardCookieName } from './workshop/cookies';
import { workshopUrls } from './workshop/urls';

/** What every staff page (control room, projector, board) loads: the workshop, its links and QR. */
export async function loadStaffPage(
	event: RequestEvent,
	allowed: readonly Exclude<Role, 'participant'>[]
) {
	const { code, role, token } = await requireStaffPage(event, allowed);
	// staff pages carry the workshop's inputs and private links: no browser or proxy keeps them
	event.setHeaders({ 'cache-control': 'no-store' });
	const { workshops, baseUrl } = event.locals.runtime;
	const base = baseUrl();
	const urls = workshopUrls(base, code);
	const boardToken = role === 'board' ? token : event.cookies.get(boardCookieName(code));
	const secretLinks = {
		facilitator:
			role === 'facilitator'
				? workshopUrls(base, code, { facilitatorToken: token }).facilitator
				: null,
		board: boardToken ? workshopUrls(base, code, { boardToken }).board : null
	};
	return {
		role,
		workshop: await workshops.getWorkshop(code),
		inputs: await workshops.allInputs(code),
		themes: await event.locals.runtime.themes.snapshot(code),
		participantUrl: urls.participant,
		joinHost: urls.participant.replace(/^https?:\/\//, '').replace(/\/[^/]*$/, ''),
		qr: await qrSvg(urls.participant),
		secretLinks
	};
}
