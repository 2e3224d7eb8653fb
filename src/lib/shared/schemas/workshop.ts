import * as v from 'valibot';
import {
	MAX_INPUT_LENGTH,
	MAX_NAME_LENGTH,
	MAX_ORGANISATION_LENGTH,
	MAX_PROMPT_LENGTH,
	MAX_TITLE_LENGTH
} from '../limits';
import { LANGUAGES, PHASES } from '../types';
import { Id, PlainObject, ThemeId, payload, strictBoolean } from './ids';
import { optionalText, refusal, text } from './text';

/** What a participant types: the one field a phone shows refusals for in its own words. */
export const InputText = text({
	field: 'Text',
	max: MAX_INPUT_LENGTH,
	required: true,
	codes: { type: 'text_not_string', empty: 'text_empty', long: 'text_too_long' }
});

/** A workshop asks at most this many questions. */
export const MAX_QUESTIONS = 10;

const notAQuestion = refusal(
	'invalid_payload',
	`The question is a whole number from 1 to ${MAX_QUESTIONS}.`
);

/** A question's number in its workshop. */
export const QuestionNumber = v.pipe(
	v.number(notAQuestion),
	v.integer(notAQuestion),
	v.minValue(1, notAQuestion),
	v.maxValue(MAX_QUESTIONS, notAQuestion)
);

/** `question`: the one the phone showed (an input typed offline answers what it was typed for). */
export const SubmitInput = payload({
	id: Id,
	text: InputText,
	question: v.optional(QuestionNumber)
});
export const EditInput = payload({ id: Id, text: InputText });
export const DeleteInput = payload({ id: Id });

export const Profile = payload({
	name: optionalText({ field: 'Name', max: MAX_NAME_LENGTH, singleLine: true }),
	organisation: optionalText({
		field: 'Organisation',
		max: MAX_ORGANISATION_LENGTH,
		singleLine: true
	})
});

export const Language = v.picklist(
	LANGUAGES,
	refusal('invalid_payload', 'Language must be "nb" or "en".')
);

export const NewWorkshop = payload({
	title: text({ field: 'The title', max: MAX_TITLE_LENGTH, required: true, singleLine: true }),
	prompt: optionalText({ field: 'The question', max: MAX_PROMPT_LENGTH }),
	/** the question in the other language (Bokmål or English) */
	promptOther: optionalText({
		field: 'The question in the other language',
		max: MAX_PROMPT_LENGTH
	}),
	language: Language
});

export const SetPhase = payload({
	phase: v.picklist(
		PHASES,
		refusal('invalid_payload', `Phase must be one of ${PHASES.join(', ')}.`)
	)
});

export const MAX_DOTS = 20;

export const ConfigureVoting = payload({
	dots: v.optional(
		v.pipe(
			v.number(refusal('invalid_payload', `Dots must be a whole number from 1 to ${MAX_DOTS}.`)),
			v.integer(refusal('invalid_payload', `Dots must be a whole number from 1 to ${MAX_DOTS}.`)),
			v.minValue(
				1,
				refusal('invalid_payload', `Dots must be a whole number from 1 to ${MAX_DOTS}.`)
			),
			v.maxValue(
				MAX_DOTS,
				refusal('invalid_payload', `Dots must be a whole number from 1 to ${MAX_DOTS}.`)
			)
		)
	),
	allowStacking: v.optional(strictBoolean('allowStacking')),
	hideResults: v.optional(strictBoolean('hideResults')),
	revealed: v.optional(strictBoolean('revealed')),
	/** Seconds from now until the vote ends; null takes the timer away. */
	timerSeconds: v.optional(
		v.nullable(
			v.pipe(
				v.number(refusal('invalid_payload', 'The timer is 10 to 3600 seconds.')),
				v.integer(refusal('invalid_payload', 'The timer is 10 to 3600 seconds.')),
				v.minValue(10, refusal('invalid_payload', 'The timer is 10 to 3600 seconds.')),
				v.maxValue(3600, refusal('invalid_payload', 'The timer is 10 to 3600 seconds.'))
			)
		)
	),
	/** Reveal the top N one place at a time; null: every theme at once. */
	revealTop: v.optional(
		v.nullable(
			v.pipe(
				v.number(refusal('invalid_payload', 'Reveal 1 to 10 places, or all.')),
				v.integer(refusal('invalid_payload', 'Reveal 1 to 10 places, or all.')),
				v.minValue(1, refusal('invalid_payload', 'Reveal 1 to 10 places, or all.')),
				v.maxValue(10, refusal('invalid_payload', 'Reveal 1 to 10 places, or all.'))
			)
		)
	),
	/** Shows the next place of the top N. */
	revealNext: v.optional(v.literal(true, refusal('invalid_payload', 'revealNext must be true.')))
});

export const CastVote = payload({ id: Id, themeId: ThemeId });
export const RetractVote = payload({ themeId: ThemeId });
export const ExplainInput = payload({ inputId: Id });

export type SubmitInputPayload = v.InferInput<typeof SubmitInput>;
export type ProfilePayload = v.InferInput<typeof Profile>;
export type NewWorkshopPayload = v.InferInput<typeof NewWorkshop>;
export type ConfigureVotingPayload = v.InferInput<typeof ConfigureVoting>;

/** The facilitator's decision on one input: let it through, hide it, or correct its text. */
export const ModerateInput = payload({
	inputId: Id,
	action: v.picklist(
		['approve', 'hide', 'edit'] as const,
		refusal('invalid_payload', 'Action must be approve, hide or edit.')
	),
	text: v.optional(InputText)
});

const FilterWord = text({ field: 'A filter word', max: 40, required: true, singleLine: true });

export const ConfigureModeration = payload({
	/** inputs reach the screens only after approval */
	enabled: v.optional(strictBoolean('enabled')),
	/** the words that hold an input for review; null: the built-in lists */
	words: v.optional(
		v.nullable(
			v.pipe(
				v.array(FilterWord, refusal('invalid_payload', 'Words must be a list of at most 300.')),
				v.maxLength(300, refusal('invalid_payload', 'Words must be a list of at most 300.'))
			)
		)
	)
});

export type ModerateInputPayload = v.InferInput<typeof ModerateInput>;
export type ConfigureModerationPayload = v.InferInput<typeof ConfigureModeration>;

/** A further question for the workshop, in its language and optionally in the other one. */
export const AddQuestion = payload({
	prompt: text({ field: 'The question', max: MAX_PROMPT_LENGTH, required: true }),
	promptOther: optionalText({
		field: 'The question in the other language',
		max: MAX_PROMPT_LENGTH
	}),
	/** put it in the room at once */
	activate: v.optional(strictBoolean('activate'))
});

/** Which question the room answers now. */
export const SwitchQuestion = payload({ number: QuestionNumber });

export type AddQuestionPayload = v.InferInput<typeof AddQuestion>;

/** Asks for the session again: nothing to say but an empty object. */
export const SyncSession = v.optional(
	v.pipe(
		PlainObject,
		v.check(
			(value) => Object.keys(value).length === 0,
			refusal('invalid_payload', 'session:sync takes an empty object.')
		)
	)
);
