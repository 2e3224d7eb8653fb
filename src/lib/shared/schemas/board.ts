import * as v from 'valibot';
import { isPlanDate, PLAN_YEARS, quarterOf, whenOfDate } from '../activity-when';
import { ACTIVITY_TYPES, SCORE_CRITERIA } from '../types';
import { Id, IdList, ThemeId, payload } from './ids';
import { refusal, text } from './text';

export const BOARD_LIMITS = {
	title: 120,
	text: 4000,
	short: 80,
	yearTheme: 200,
	editor: 60
} as const;

/** Who made a change, as the board member typed it; blank means unnamed. */
const Editor = v.optional(
	v.pipe(
		v.nullable(text({ field: 'Your name', max: BOARD_LIMITS.editor, singleLine: true })),
		v.transform((name) => name || null)
	),
	null
);

/**
 * What each text field held when the editor started typing, by field name: a save over a value
 * someone else changed meanwhile is refused (`edit_conflict`) instead of silently replacing it.
 */
const Base = v.optional(
	v.record(
		v.pipe(v.string(), v.maxLength(20)),
		v.pipe(v.string(), v.maxLength(8000)),
		refusal('invalid_payload', 'base must map field names to text.')
	)
);

const field = (name: string, max: number, singleLine = false) =>
	v.optional(text({ field: name, max, singleLine }));

export const SaveMandate = payload({
	editor: Editor,
	base: Base,
	purpose: field('Purpose', BOARD_LIMITS.text),
	scope: field('Scope', BOARD_LIMITS.text),
	yearTheme: field("The year's theme", BOARD_LIMITS.yearTheme, true)
});

const score = refusal('invalid_payload', 'Scores are whole numbers from 1 to 5.');
const Score = v.nullable(
	v.pipe(v.number(score), v.integer(score), v.minValue(1, score), v.maxValue(5, score))
);

/** Scores by criterion; a null score clears it. Unknown criteria are refused, not dropped. */
const Scores = v.pipe(
	v.record(
		v.picklist(SCORE_CRITERIA, refusal('invalid_payload', 'Unknown score criterion.')),
		Score,
		refusal('invalid_payload', 'Scores must be an object.')
	),
	v.transform(
		(all) =>
			Object.fromEntries(Object.entries(all).filter(([, value]) => value !== null)) as Partial<
				Record<(typeof SCORE_CRITERIA)[number], number>
			>
	)
);

export const SaveFocusArea = payload({
	id: Id,
	editor: Editor,
	base: Base,
	title: field('Title', BOARD_LIMITS.title, true),
	description: field('Description', BOARD_LIMITS.text),
	rationale: field('Rationale', BOARD_LIMITS.text),
	themeIds: v.optional(
		v.pipe(
			v.array(ThemeId, refusal('invalid_payload', 'Theme ids must be a list of theme ids.')),
			v.maxLength(50, refusal('invalid_payload', 'Theme ids must be a list of theme ids.')),
			v.transform((ids) => [...new Set(ids)])
		)
	),
	quoteIds: v.optional(IdList(20)),
	scores: v.optional(Scores),
	owner: field('Owner', BOARD_LIMITS.short, true),
	suggestQuotes: v.optional(
		v.boolean(refusal('invalid_payload', 'suggestQuotes must be true or false.'))
	)
});

export const DeleteBoardItem = payload({ id: Id, editor: Editor });

export const OrderFocusAreas = payload({ ids: IdList(200), editor: Editor });

const monthOrQuarter = (max: number, name: string) => {
	const message = refusal('invalid_payload', `${name} must be 1–${max} or empty.`);
	return v.optional(
		v.nullable(
			v.pipe(
				v.number(message),
				v.integer(message),
				v.minValue(1, message),
				v.maxValue(max, message)
			)
		)
	);
};

const yearMessage = refusal(
	'invalid_payload',
	`Year must be a whole number from ${PLAN_YEARS.min} to ${PLAN_YEARS.max}, or empty.`
);
const Year = v.optional(
	v.nullable(
		v.pipe(
			v.number(yearMessage),
			v.integer(yearMessage),
			v.minValue(PLAN_YEARS.min, yearMessage),
			v.maxValue(PLAN_YEARS.max, yearMessage)
		)
	)
);

const dateMessage = refusal(
	'invalid_payload',
	`Date must be a real calendar date as yyyy-mm-dd in ${PLAN_YEARS.min}–${PLAN_YEARS.max}, or empty.`
);
const PlanDate = v.optional(
	v.nullable(
		v.pipe(v.string(dateMessage), v.maxLength(10, dateMessage), v.check(isPlanDate, dateMessage))
	)
);

/**
 * An activity's fields; a change names only those it changes. A date brings its month, quarter
 * and year with it; a payload that gives them too must agree with it, as a month with its quarter.
 */
export const SaveActivity = v.pipe(
	payload({
		id: Id,
		editor: Editor,
		base: Base,
		title: field('Title', BOARD_LIMITS.title, true),
		type: v.optional(
			v.picklist(
				ACTIVITY_TYPES,
				refusal('invalid_payload', `Type must be one of ${ACTIVITY_TYPES.join(', ')}.`)
			)
		),
		date: PlanDate,
		month: monthOrQuarter(12, 'Month'),
		quarter: monthOrQuarter(4, 'Quarter'),
		year: Year,
		host: field('Host', BOARD_LIMITS.short, true),
		responsible: field('Responsible', BOARD_LIMITS.short, true),
		focusAreaId: v.optional(v.nullable(Id))
	}),
	v.check(
		({ month, quarter }) => !month || !quarter || quarterOf(month) === quarter,
		refusal('invalid_payload', 'The quarter must be the one the month is in.')
	),
	v.check(
		({ date, month, quarter, year }) => {
			if (!date) return true;
			const fixed = whenOfDate(date);
			return [
				[month, fixed.month],
				[quarter, fixed.quarter],
				[year, fixed.year]
			].every(([given, implied]) => given == null || given === implied);
		},
		refusal('invalid_payload', 'Month, quarter and year must be those of the date.')
	),
	v.transform((activity) =>
		activity.date ? { ...activity, ...whenOfDate(activity.date) } : activity
	)
);

export type SaveMandatePayload = v.InferInput<typeof SaveMandate>;
export type SaveFocusAreaPayload = v.InferInput<typeof SaveFocusArea>;
export type SaveActivityPayload = v.InferInput<typeof SaveActivity>;
