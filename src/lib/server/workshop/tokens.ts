import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/limits';

/** 256 random bits, URL-safe. Only the hash is stored; the token itself is shown once. */
export function generateToken(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * The projector's read-only token, derived from the facilitator's: whoever holds the control room
 * can always show the projector link, while the projector token reveals nothing of the other.
 */
export function projectorTokenFor(facilitatorToken: string): string {
	return createHmac('sha256', facilitatorToken).update('innspill projector').digest('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented token with a stored hash. */
export function tokenMatches(token: string, storedHash: string): boolean {
	const presented = Buffer.from(hashToken(token), 'hex');
	const stored = Buffer.from(storedHash, 'hex');
	return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function generateJoinCode(): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	}
	return code;
}
