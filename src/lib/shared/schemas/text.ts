import * as v from 'valibot';
import type { ErrorCode } from '../types';

/**
 * A refusal message that carries the stable error code the client is told, as `code: message`.
 * The server's parser splits it back; messages valibot writes itself map to `invalid_payload`.
 */
export function refusal(code: ErrorCode, message: string): string {
	return `${code}: ${message}`;
}

/** Length in characters as people count them (code points), not UTF-16 units. */
export function charLength(text: string): number {
	let n = 0;
	for (const _ of text) n++;
	return n;
}

/**
 * Characters no stored text may hold: control characters other than tab and newline (C0, DEL,
 * C1), and Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF, …). XML 1.0 refuses several of
 * them, so one of them in one input would make the .docx unreadable.
 */
const UNSTORABLE =
	// eslint-disable-next-line no-control-regex -- matching control characters is the point here
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Noncharacter_Code_Point}/u;

/**
 * Direction controls (embeddings, overrides, isolates) are removed: one right-to-left override
 * turned a theme label around on the projector. Marks (LRM, RLM) stay; they cannot reorder text
 * beyond their own neighbours.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Well-formed UTF-16 and no unstorable character. */
export function isStorable(text: string): boolean {
	return text.isWellFormed() && !UNSTORABLE.test(text);
}

/** The one normal form of stored text: NFC, `\n` line ends, no direction controls, trimmed. */
export function normaliseText(text: string): string {
	return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(DIRECTION_CONTROLS, '').trim();
}

/** Invisible characters alone (zero-width spaces, direction marks) are as empty as spaces. */
export function isBlank(text: string): boolean {
	return text.replace(/[\s\p{Cf}]/gu, '') === '';
}

interface TextRule {
	/** Most characters (code points) after normalising. */
	max: number;
	/** What the field is called in refusals. */
	field: string;
	/** Refuse empty text (after trimming); otherwise empty is allowed and stays ''. */
	required?: boolean;
	/** Fold runs of white space (newlines too) into one space: labels and titles. */
	singleLine?: boolean;
	/** Codes for the three refusals a phone shows in its own words. */
	codes?: { type?: ErrorCode; empty?: ErrorCode; long?: ErrorCode };
}

/** The one text rule every stored text field passes. */
export function text(rule: TextRule) {
	const codes = rule.codes ?? {};
	return v.pipe(
		v.string(refusal(codes.type ?? 'invalid_payload', `${rule.field} must be text.`)),
		v.check(
			isStorable,
			refusal('invalid_payload', `${rule.field} contains characters that cannot be stored.`)
		),
		v.transform((raw) => {
			const clean = normaliseText(raw);
			return rule.singleLine ? clean.replace(/\s+/g, ' ') : clean;
		}),
		v.check(
			(clean) => !rule.required || !isBlank(clean),
			refusal(codes.empty ?? 'invalid_payload', `${rule.field} is required.`)
		),
		v.check(
			(clean) => charLength(clean) <= rule.max,
			refusal(
				codes.long ?? 'invalid_payload',
				`${rule.field} can be at most ${rule.max} characters.`
			)
		)
	);
}

/** An optional text field: absent, null or blank all mean "none". */
export function optionalText(rule: Omit<TextRule, 'required'>) {
	return v.optional(
		v.pipe(
			v.nullable(text(rule)),
			v.transform((value) => (value ? value : null))
		),
		null
	);
}
