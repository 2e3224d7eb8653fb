import type { RequestEvent } from '@sveltejs/kit';
import { qrSvg } from './qr';
import { requireStaffPage, setStaffCookie } from './staff-auth';
import { boardCookieName, type StaffRole } from './workshop/cookies';
import { toScreenInput } from './workshop/mappers';
import { projectorTokenFor } from './workshop/tokens';
import { workshopUrls } from './workshop/urls';
import { themeKey } from './workshop/theme-key';

/** Every staff page sends no-store: they carry a workshop's inputs and private links. */
async function common(event: RequestEvent, code: string) {
	event.setHeaders({ 'cache-control': 'no-store' });
	const { workshops, baseUrl } = event.locals.runtime;
	const urls = workshopUrls(baseUrl(), code);
	const workshop = await workshops.getWorkshop(code);
	return {
		workshop,
		themes: await event.locals.runtime.themes.snapshot(themeKey(code, workshop.question)),
		participantUrl: urls.participant,
		joinHost: urls.participant.replace(/^https?:\/\//, '').replace(/\/[^/]*$/, ''),
		qr: await qrSvg(urls.participant)
	};
}

/** What the control room and the board load: every input, and the links their role may hand on. */
export async function loadStaffPage(
	event: RequestEvent,
	allowed: readonly Exclude<StaffRole, 'projector'>[]
) {
	const { code, role, token } = await requireStaffPage(event, allowed);
	const base = event.locals.runtime.baseUrl();
	const boardToken = role === 'board' ? token : event.cookies.get(boardCookieName(code));
	const facilitator = role === 'facilitator' ? token : undefined;
	const links = workshopUrls(base, code, {
		facilitatorToken: facilitator,
		boardToken,
		projectorToken: facilitator && projectorTokenFor(facilitator)
	});
	const shared = await common(event, code);
	return {
		...shared,
		role,
		inputs: await event.locals.runtime.workshops.allInputs(code, shared.workshop.question),
		moderationWords:
			role === 'facilitator' ? await event.locals.runtime.moderation.words(code) : [],
		secretLinks: {
			facilitator: facilitator ? links.facilitator : null,
			projector: facilitator ? links.projector : null,
			board: boardToken ? links.board : null
		}
	};
}

/**
 * The projector: view only, whichever link opened it. The facilitator's browser is moved onto the
 * projector's own token, so what this page and its socket load never carries more than the room
 * sees: visible inputs without their authors, no staff links.
 */
export async function loadProjectorPage(event: RequestEvent) {
	const { code, role, token } = await requireStaffPage(event, ['projector', 'facilitator']);
	if (role === 'facilitator') {
		const secure = event.url.protocol === 'https:';
		setStaffCookie(event.cookies, code, 'projector', projectorTokenFor(token), secure);
	}
	const shared = await common(event, code);
	const inputs = await event.locals.runtime.workshops.allInputs(code, shared.workshop.question);
	return {
		...shared,
		role: 'projector' as const,
		inputs: inputs.filter((i) => !i.hidden && !i.held).map(toScreenInput)
	};
}
