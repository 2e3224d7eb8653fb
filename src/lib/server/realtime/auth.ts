import type { ExtendedError } from 'socket.io';
import { log } from '../log';
import { clientAddress, type Config } from '../config';
import { guardCodeLookup, type RateLimits } from '../rate-limit';
import { DomainError, toApiError } from '../workshop/errors';
import {
	STAFF_ROLES,
	parseCookieHeader,
	participantCookieName,
	staffCookieName
} from '../workshop/cookies';
import { isPlainObject, parseJoinCode } from '../workshop/validation';
import type { WorkshopService } from '../workshop/workshop.service';
import type { RealtimeSocket } from './types';

/**
 * Resolves who a connecting socket is, before any handler runs. Staff bring a token (in `auth`, or
 * the httpOnly cookie their browser got on the first visit); everyone else is a participant, with
 * the id the phone remembers or a fresh one. Unknown join codes count against the address.
 */
export function authMiddleware(workshops: WorkshopService, limits: RateLimits, config: Config) {
	return async (socket: RealtimeSocket, next: (err?: ExtendedError) => void) => {
		try {
			const address = clientAddress(
				socket.handshake.address,
				socket.handshake.headers['x-forwarded-for'],
				config.trustProxy
			);
			limits.addressConnects.check(address);
			const auth: Record<string, unknown> = isPlainObject(socket.handshake.auth)
				? socket.handshake.auth
				: {};
			socket.data = await guardCodeLookup(limits, address, async () => {
				const code = parseJoinCode(auth.code);
				const cookies = parseCookieHeader(socket.handshake.headers.cookie);
				// the page says which role it opens (a browser may hold several staff cookies at
				// once); without a word, the facilitator's cookie, then the board's, the projector's
				const roles =
					auth.role === 'board' || auth.role === 'projector' ? ([auth.role] as const) : STAFF_ROLES;
				const token =
					auth.token ?? roles.map((role) => cookies.get(staffCookieName(code, role))).find(Boolean);
				if (token !== undefined) {
					return { code, role: await workshops.authenticate(code, token), address };
				}
				// a phone is only a participant once it writes: nothing is stored here
				const remembered = auth.participantId ?? cookies.get(participantCookieName(code));
				const participant = await workshops.identify(code, remembered);
				return { code, role: 'participant' as const, participantId: participant.id, address };
			});
			next();
		} catch (err) {
			const apiError = toApiError(err);
			if (!(err instanceof DomainError)) log.error('socket auth failed', {}, err);
			const error: ExtendedError = Object.assign(new Error(apiError.message), { data: apiError });
			next(error);
		}
	};
}
