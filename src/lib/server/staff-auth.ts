import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/shared/types';
import { DomainError, httpStatus } from './workshop/errors';
import { staffCookieName } from './workshop/cookies';

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
	token: string,
	secure: boolean
): void {
	setPrivateCookie(cookies, staffCookieName(code), token, secure, 90);
}

/**
 * For the facilitator, projector and board pages: a `?key=` link is checked, moved into an
 * httpOnly cookie and stripped from the address bar; later visits use the cookie.
 */
export async function requireStaffPage(
	event: RequestEvent,
	allowed: readonly Exclude<Role, 'participant'>[]
): Promise<{ code: string; role: Exclude<Role, 'participant'>; token: string }> {
	const { workshops } = event.locals.runtime;
	const code = (event.params.code ?? '').toUpperCase();
	const key = event.url.searchParams.get('key');
	const token = key ?? event.cookies.get(staffCookieName(code));
	try {
		const role = await workshops.authenticate(code, token);
		if (!allowed.includes(role))
			throw new DomainError('forbidden', 'This link does not open this page.');
		if (key) {
			setStaffCookie(event.cookies, code, key, event.url.protocol === 'https:');
			const clean = new URL(event.url);
			clean.searchParams.delete('key');
			redirect(303, clean.pathname + clean.search);
		}
		return { code, role, token: token as string };
	} catch (err) {
		if (err instanceof DomainError)
			error(httpStatus(err.code), { message: err.message, code: err.code });
		throw err;
	}
}

/** For the API: `Authorization: Bearer <token>`, or the staff cookie of a signed-in browser. */
export async function requireStaffApi(
	event: RequestEvent,
	code: string
): Promise<Exclude<Role, 'participant'>> {
	const header = event.request.headers.get('authorization');
	const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
	const token = bearer ?? event.cookies.get(staffCookieName(code.toUpperCase()));
	return event.locals.runtime.workshops.authenticate(code, token);
}
