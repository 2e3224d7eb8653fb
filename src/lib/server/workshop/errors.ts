import type { ApiError, ErrorCode } from '../../shared/types';

const BRAND = Symbol.for('innspill.DomainError');

/**
 * A refusal the client caused; carries the stable code it is told. Anything else is a bug.
 * `instanceof` checks a brand rather than the class, because the SvelteKit bundle and the realtime
 * bundle each carry their own copy of this class.
 */
export class DomainError extends Error {
	readonly [BRAND] = true;

	static [Symbol.hasInstance](value: unknown): boolean {
		return (
			typeof value === 'object' &&
			value !== null &&
			(value as Record<symbol, unknown>)[BRAND] === true
		);
	}

	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
		this.name = 'DomainError';
	}

	toJSON(): ApiError {
		return { code: this.code, message: this.message };
	}
}

export function toApiError(err: unknown): ApiError {
	if (err instanceof DomainError) return err.toJSON();
	return { code: 'internal', message: 'Something went wrong on the server; nothing was changed.' };
}

/** HTTP status for a refusal, for the REST endpoints and form actions. */
export function httpStatus(code: ErrorCode): number {
	switch (code) {
		case 'unauthorized':
			return 401;
		case 'forbidden':
			return 403;
		case 'unknown_workshop':
		case 'not_found':
			return 404;
		case 'id_conflict':
		case 'input_closed':
		case 'voting_closed':
		case 'budget_exhausted':
		case 'already_voted':
		case 'edit_conflict':
		case 'limit_reached':
			return 409;
		case 'rate_limited':
			return 429;
		case 'too_large':
			return 413;
		case 'internal':
			return 500;
		case 'unavailable':
			return 503;
		default:
			return 400;
	}
}
