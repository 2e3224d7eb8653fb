import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { DomainError, httpStatus } from './workshop/errors';
import { staffCookieName, type StaffRole } from './workshop/cookies';

const DAY = 60 * 60 * 24;

/** An httpOnly cookie for the whole site (the socket handshake needs it too), kept for `days`. */
export function setPrivateCookie(
	cookies: Cookies,
	name: string,
	value: string,
	secure: boolean,
	days: number
): void {
	cookies.set(name, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: days * DAY
	});
}

export function setStaffCookie(
	cookies: Cookies,
	code: string,
	role: StaffRole,
	token: string,
	secure: boolean
): void {
	setPrivateCookie(cookies, staffCookieName(code, role), token, secure, 90);
}

/** The first of the given roles whose cookie this browser holds and whose token still opens. */
async function fromCookies(
	event: RequestEvent,
	code: string,
	roles: readonly StaffRole[]
): Promise<{ role: StaffRole; token: string } | null> {
	for (const wanted of roles) {
		const token = event.cookies.get(staffCookieName(code, wanted));
		if (!token) continue;
		try {
			const role = await event.locals.runtime.workshops.authenticate(code, token);
			if (role === wanted) return { role, token };
		} catch (err) {
			if (!(err instanceof DomainError)) throw err;
		}
	}
	return null;
}

/**
 * For the facilitator, projector and board pages: a `?key=` link is checked, moved into an
 * httpOnly cookie and stripped from the address bar; later visits use the cookie.
 */
export async function requireStaffPage(
	event: RequestEvent,
	allowed: readonly StaffRole[]
): Promise<{ code: string; role: StaffRole; token: string }> {
	const { workshops } = event.locals.runtime;
	const code = (event.params.code ?? '').toUpperCase();
	const key = event.url.searchParams.get('key');
	try {
		if (key) {
			const role = await workshops.authenticate(code, key);
			if (!allowed.includes(role))
				throw new DomainError('forbidden', 'This link does not open this page.');
			setStaffCookie(event.cookies, code, role, key, event.url.protocol === 'https:');
			const clean = new URL(event.url);
			clean.searchParams.delete('key');
			redirect(303, clean.pathname + clean.search);
		}
		const signedIn = await fromCookies(event, code, allowed);
		if (signedIn) return { code, ...signedIn };
		// no usable cookie: answered as a missing key (404 for an unknown workshop, else 401)
		await workshops.authenticate(code, undefined);
		throw new DomainError('unauthorized', 'A facilitator or board token is required.');
	} catch (err) {
		if (err instanceof DomainError)
			error(httpStatus(err.code), { message: err.message, code: err.code });
		throw err;
	}
}

/**
 * For the API (exports): `Authorization: Bearer <token>`, or the staff cookie of a signed-in
 * browser. The facilitator and the board only: exports carry every input and who wrote it, which
 * the projector's view-only token must never reach.
 */
export async function requireStaffApi(
	event: RequestEvent,
	code: string
): Promise<Exclude<StaffRole, 'projector'>> {
	const header = event.request.headers.get('authorization');
	const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
	const { workshops } = event.locals.runtime;
	const role = bearer
		? await workshops.authenticate(code, bearer)
		: ((await fromCookies(event, code.toUpperCase(), ['facilitator', 'board']))?.role ??
			(await workshops.authenticate(code, undefined)));
	if (role === 'projector') {
		throw new DomainError('forbidden', 'The projector link opens the projector only.');
	}
	return role;
}
