import { json } from '@sveltejs/kit';
import { log } from './log';
import { DomainError, httpStatus, toApiError } from './workshop/errors';

/** Runs an API handler and turns refusals into a JSON error body with the matching status. */
export async function apiCall(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (err) {
		if (!(err instanceof DomainError)) log.error('api call failed', {}, err);
		const apiError = toApiError(err);
		return json({ error: apiError }, { status: httpStatus(apiError.code) });
	}
}

export async function readJson(request: Request): Promise<unknown> {
	try {
		return await request.json();
	} catch (err) {
		// adapter-node ends an over-long body with a 413 error while it is being read.
		if ((err as { status?: number }).status === 413 || /exceeds|too large/i.test(String(err))) {
			throw new DomainError('too_large', 'The request body is too large.');
		}
		throw new DomainError('invalid_payload', 'The request body must be JSON.');
	}
}
