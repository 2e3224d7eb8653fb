import {
	ACTIVITY_TYPES,
	SCORE_CRITERIA,
	type ActivityType,
	type ScoreCriterion
} from '../../shared/types';
import { DomainError } from './errors';
import { assertStorable, charLength, parseId } from './validation';

export const LIMITS = { title: 120, text: 4000, short: 80, yearTheme: 200 } as const;

export function text(value: unknown, max: number, field: string): string {
	if (typeof value !== 'string') throw new DomainError('invalid_payload', `${field} must be text.`);
	const trimmed = value.trim();
	assertStorable(trimmed);
	if (charLength(trimmed) > max)
		throw new DomainError('invalid_payload', `${field} can be at most ${max} characters.`);
	return trimmed;
}

export function optional<T>(
	body: Record<string, unknown>,
	key: string,
	parse: (v: unknown) => T
): T | undefined {
	return body[key] === undefined ? undefined : parse(body[key]);
}

export function editor(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	return text(value, 60, 'Your name') || null;
}

const THEME_ID = /^t\d{1,9}$/;

export function themeIds(value: unknown): string[] {
	if (
		!Array.isArray(value) ||
		value.length > 50 ||
		value.some((v) => typeof v !== 'string' || !THEME_ID.test(v))
	) {
		throw new DomainError('invalid_payload', 'Theme ids must be a list of theme ids.');
	}
	return [...new Set(value as string[])];
}

export function idList(value: unknown, max: number): string[] {
	if (!Array.isArray(value) || value.length > max) {
		throw new DomainError('invalid_payload', `Expected a list of at most ${max} ids.`);
	}
	return [...new Set(value.map(parseId))];
}

export function scores(value: unknown): Partial<Record<ScoreCriterion, number>> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new DomainError('invalid_payload', 'Scores must be an object.');
	}
	const out: Partial<Record<ScoreCriterion, number>> = {};
	for (const [key, score] of Object.entries(value)) {
		if (!(SCORE_CRITERIA as readonly string[]).includes(key)) {
			throw new DomainError('invalid_payload', `Unknown criterion "${key.slice(0, 30)}".`);
		}
		if (score === null) continue;
		if (!Number.isInteger(score) || (score as number) < 1 || (score as number) > 5) {
			throw new DomainError('invalid_payload', 'Scores are whole numbers from 1 to 5.');
		}
		out[key as ScoreCriterion] = score as number;
	}
	return out;
}

export function activityType(value: unknown): ActivityType {
	if (typeof value !== 'string' || !(ACTIVITY_TYPES as readonly string[]).includes(value)) {
		throw new DomainError('invalid_payload', `Type must be one of ${ACTIVITY_TYPES.join(', ')}.`);
	}
	return value as ActivityType;
}

export function rangeOrNull(min: number, max: number, field: string) {
	return (value: unknown): number | null => {
		if (value === null) return null;
		if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
			throw new DomainError('invalid_payload', `${field} must be ${min}–${max} or empty.`);
		}
		return value as number;
	};
}
