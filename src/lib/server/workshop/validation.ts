import { Id, JoinCode } from '../../shared/schemas/index';
import type { Language } from '../../shared/types';
import { parse } from './parse';

/** A client-generated id, lower-cased; `invalid_id` otherwise. */
export function parseId(value: unknown): string {
	return parse(Id, value);
}

/** A join code as typed, normalised; `unknown_workshop` otherwise (no hint what was wrong). */
export function parseJoinCode(value: unknown): string {
	return parse(JoinCode, value);
}

export { isPlainObject } from '../../shared/schemas/index';

export function defaultPrompt(language: Language): string {
	return language === 'nb'
		? 'Hva er de største flaskehalsene for effektivitet i bedriften din, i produksjon og administrasjon?'
		: 'What are the biggest bottlenecks for efficiency in your company, in production and administration?';
}
