/**
 * Cookie names, per workshop so one browser can run several, and per role so the facilitator
 * opening the board link does not sign their browser out of the control room. Staff cookies hold
 * a token (httpOnly, never readable by page scripts); the participant cookie remembers who a
 * phone is when it posts forms without JavaScript.
 */
export type StaffRole = 'facilitator' | 'board' | 'projector';
export const STAFF_ROLES: readonly StaffRole[] = ['facilitator', 'board', 'projector'];
export const staffCookieName = (code: string, role: StaffRole) =>
	role === 'facilitator'
		? `innspill_key_${code}`
		: role === 'board'
			? boardCookieName(code)
			: `innspill_projector_${code}`;
export const participantCookieName = (code: string) => `innspill_pid_${code}`;

/** Minimal Cookie header parser for the socket handshake (SvelteKit parses its own). */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
	const cookies = new Map<string, string>();
	if (!header) return cookies;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq <= 0) continue;
		const name = part.slice(0, eq).trim();
		const raw = part.slice(eq + 1).trim();
		try {
			cookies.set(name, decodeURIComponent(raw));
		} catch {
			cookies.set(name, raw);
		}
	}
	return cookies;
}

/**
 * The board token: the board's own cookie, also kept in the creator's browser so the control room
 * can show the board link.
 */
export function boardCookieName(code: string): string {
	return `innspill_board_${code}`;
}
