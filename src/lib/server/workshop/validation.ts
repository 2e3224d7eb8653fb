import {
	JOIN_CODE_PATTERN,
	MAX_INPUT_LENGTH,
	MAX_NAME_LENGTH,
	MAX_ORGANISATION_LENGTH,
	MAX_PROMPT_LENGTH,
	MAX_TITLE_LENGTH,
	UUID_PATTERN,
	normaliseJoinCode
} from '../../shared/limits';
import { LANGUAGES, PHASES, type Language, type Phase } from '../../shared/types';
import { DomainError } from './errors';

/** Length in characters as people count them (code points), not UTF-16 units. */
export function charLength(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

export function requireObject(value: unknown): Record<string, unknown> {
	if (!isPlainObject(value)) throw new DomainError('invalid_payload', 'Expected an object.');
	return value;
}

/** Refuses broken UTF-16 (lone surrogates) and control characters other than tab and newline. */
export function assertStorable(text: string): void {
	// eslint-disable-next-line no-control-regex -- matching control characters is the point here
	if (!text.isWellFormed() || /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
		throw new DomainError('invalid_payload', 'The text contains characters that cannot be stored.');
	}
}

export function parseInputText(value: unknown): string {
	if (typeof value !== 'string') throw new DomainError('text_not_string', 'Text must be a string.');
	const text = value.trim();
	// Invisible characters alone (zero-width spaces, direction marks) are as empty as spaces.
	if (text.replace(/[\s\p{Cf}]/gu, '') === '') {
		throw new DomainError('text_empty', 'Write something before sending.');
	}
	assertStorable(text);
	if (charLength(text) > MAX_INPUT_LENGTH) {
		throw new DomainError('text_too_long', `Text can be at most ${MAX_INPUT_LENGTH} characters.`);
	}
	return text;
}

export function parseId(value: unknown): string {
	if (typeof value !== 'string' || !UUID_PATTERN.test(value.toLowerCase())) {
		throw new DomainError('invalid_id', 'The id must be a UUID.');
	}
	return value.toLowerCase();
}

export function parseJoinCode(value: unknown): string {
	if (typeof value !== 'string' || value.length > 20) {
		throw new DomainError('unknown_workshop', 'No workshop has that code.');
	}
	const code = normaliseJoinCode(value);
	if (!JOIN_CODE_PATTERN.test(code)) {
		throw new DomainError('unknown_workshop', 'No workshop has that code.');
	}
	return code;
}

function optionalText(value: unknown, max: number, field: string): string | null {
	if (value === undefined || value === null) return null;
	if (typeof value !== 'string') throw new DomainError('invalid_payload', `${field} must be text.`);
	const text = value.trim();
	if (charLength(text) > max) {
		throw new DomainError('invalid_payload', `${field} can be at most ${max} characters.`);
	}
	assertStorable(text);
	return text === '' ? null : text;
}

export function parseProfile(value: unknown): { name: string | null; organisation: string | null } {
	const body = requireObject(value);
	return {
		name: optionalText(body.name, MAX_NAME_LENGTH, 'Name'),
		organisation: optionalText(body.organisation, MAX_ORGANISATION_LENGTH, 'Organisation')
	};
}

export function parsePhase(value: unknown): Phase {
	if (typeof value !== 'string' || !(PHASES as readonly string[]).includes(value)) {
		throw new DomainError('invalid_payload', `Phase must be one of ${PHASES.join(', ')}.`);
	}
	return value as Phase;
}

export interface NewWorkshopInput {
	title: string;
	prompt: string;
	language: Language;
}

export function parseNewWorkshop(value: unknown): NewWorkshopInput {
	const body = requireObject(value);
	if (typeof body.title !== 'string' || body.title.trim() === '') {
		throw new DomainError('invalid_payload', 'A title is required.');
	}
	const title = body.title.trim();
	assertStorable(title);
	if (charLength(title) > MAX_TITLE_LENGTH) {
		throw new DomainError(
			'invalid_payload',
			`The title can be at most ${MAX_TITLE_LENGTH} characters.`
		);
	}
	if (
		typeof body.language !== 'string' ||
		!(LANGUAGES as readonly string[]).includes(body.language)
	) {
		throw new DomainError('invalid_payload', 'Language must be "nb" or "en".');
	}
	const language = body.language as Language;
	const prompt =
		optionalText(body.prompt, MAX_PROMPT_LENGTH, 'The question') ?? defaultPrompt(language);
	return { title, prompt, language };
}

export function defaultPrompt(language: Language): string {
	return language === 'nb'
		? 'Hva er de største flaskehalsene for effektivitet i bedriften din, i produksjon og administrasjon?'
		: 'What are the biggest bottlenecks for efficiency in your company, in production and administration?';
}
