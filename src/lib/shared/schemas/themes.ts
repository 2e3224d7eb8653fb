import * as v from 'valibot';
import { Id, PlainObject, ThemeId, member, strictBoolean } from './ids';
import { refusal, text } from './text';

export const MAX_LABEL_LENGTH = 60;
const MAX_KEYWORDS = 12;
const MAX_KEYWORD_LENGTH = 40;

const Label = text({ field: 'A label', max: MAX_LABEL_LENGTH, required: true, singleLine: true });

const Keyword = text({
	field: 'A keyword',
	max: MAX_KEYWORD_LENGTH,
	required: true,
	singleLine: true
});

function list<T extends v.GenericSchema>(item: T, max: number) {
	const message = refusal('invalid_payload', `Expected a list of 1 to ${max} items.`);
	return v.pipe(v.array(item, message), v.minLength(1, message), v.maxLength(max, message));
}

const Rename = member({
	type: v.literal('rename'),
	themeId: ThemeId,
	label: Label,
	lock: v.optional(strictBoolean('lock'), true)
});

const Merge = v.pipe(
	member({
		type: v.literal('merge'),
		themeIds: v.pipe(
			list(ThemeId, 50),
			v.transform((ids) => [...new Set(ids)])
		),
		intoId: ThemeId
	}),
	v.check(
		(merge) => merge.themeIds.some((id) => id !== merge.intoId),
		refusal('invalid_payload', 'Merging needs at least two themes.')
	)
);

const Split = member({
	type: v.literal('split'),
	themeId: ThemeId,
	groups: v.optional(list(list(Id, 5000), 20))
});

const Move = member({ type: v.literal('move'), inputId: Id, themeId: v.nullable(ThemeId) });
const Pin = member({ type: v.literal('pin'), inputId: Id, pinned: strictBoolean('pinned') });
const Hide = member({ type: v.literal('hide'), inputId: Id, hidden: strictBoolean('hidden') });

const keywordsMessage = refusal(
	'invalid_payload',
	`Keywords are a list of at most ${MAX_KEYWORDS} words.`
);
/** A seed may be a label alone ("Lokaler og plass"): its keywords are 0 to 12 words. */
const Seed = member({
	type: v.literal('seed'),
	label: Label,
	keywords: v.optional(
		v.pipe(v.array(Keyword, keywordsMessage), v.maxLength(MAX_KEYWORDS, keywordsMessage)),
		[]
	)
});

const granularity = refusal('invalid_payload', 'Granularity is a number from -1 to 1.');
const Granularity = member({
	type: v.literal('granularity'),
	value: v.pipe(
		v.number(granularity),
		v.finite(granularity),
		v.minValue(-1, granularity),
		v.maxValue(1, granularity)
	)
});

/** What the facilitator can do to the themes. Each is persisted, undoable and kept by refinement. */
export const ThemeAction = v.pipe(
	PlainObject,
	v.variant(
		'type',
		[Rename, Merge, Split, Move, Pin, Hide, Seed, Granularity],
		refusal('invalid_payload', 'Unknown theme action.')
	)
);

export type ThemeActionPayload = v.InferInput<typeof ThemeAction>;
export type ThemeAction = v.InferOutput<typeof ThemeAction>;
export type ThemeActionType = ThemeAction['type'];
