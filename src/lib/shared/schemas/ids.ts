import * as v from 'valibot';
import { JOIN_CODE_PATTERN, UUID_PATTERN, normaliseJoinCode } from '../limits';
import { refusal } from './text';

/** Client-generated ids: any UUID, compared in lower case. */
export const Id = v.pipe(
	v.string(refusal('invalid_id', 'The id must be a UUID.')),
	v.maxLength(36, refusal('invalid_id', 'The id must be a UUID.')),
	v.toLowerCase(),
	v.regex(UUID_PATTERN, refusal('invalid_id', 'The id must be a UUID.'))
);

export const IdList = (max: number) =>
	v.pipe(
		v.array(Id, refusal('invalid_payload', `Expected a list of at most ${max} ids.`)),
		v.maxLength(max, refusal('invalid_payload', `Expected a list of at most ${max} ids.`)),
		v.transform((ids) => [...new Set(ids)])
	);

/** Theme ids are the engine's own: `t` and a number. */
export const ThemeId = v.pipe(
	v.string(refusal('invalid_payload', 'Unknown theme id.')),
	v.regex(/^t\d{1,9}$/, refusal('invalid_payload', 'Unknown theme id.'))
);

const unknownWorkshop = refusal('unknown_workshop', 'No workshop has that code.');

/** A join code as typed (any case, spaces or a dash), normalised to the stored form. */
export const JoinCode = v.pipe(
	v.string(unknownWorkshop),
	v.maxLength(20, unknownWorkshop),
	v.transform(normaliseJoinCode),
	v.regex(JOIN_CODE_PATTERN, unknownWorkshop)
);

export const strictBoolean = (field: string) =>
	v.boolean(refusal('invalid_payload', `${field} must be true or false.`));

/** A plain object: not an array, not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

const expectedObject = refusal('invalid_payload', 'Expected an object.');

/** A plain object: no array, no class instance. */
export const PlainObject = v.custom<Record<string, unknown>>(isPlainObject, expectedObject);

/**
 * A missing field is refused as its own schema refuses `undefined`, so a payload without an id
 * gets `invalid_id` as one with a malformed id does.
 */
function missingField(entries: v.ObjectEntries) {
	return (issue: v.BaseIssue<unknown>) => {
		const key = issue.kind === 'schema' && /^"(.+)"$/.exec(issue.expected ?? '')?.[1];
		const entry = key && Object.hasOwn(entries, key) ? entries[key] : undefined;
		const own = entry && v.safeParse(entry, undefined);
		return own && !own.success ? own.issues[0].message : expectedObject;
	};
}

/** One member of a union of payloads told apart by a field (see `v.variant`). */
export function member<const E extends v.ObjectEntries>(entries: E) {
	return v.object(entries, missingField(entries));
}

/** A payload: a plain object with these fields; other fields are dropped. */
export function payload<const E extends v.ObjectEntries>(entries: E) {
	return v.pipe(PlainObject, member(entries));
}
