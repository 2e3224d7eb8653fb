import type { Language } from '../shared/types';
import { en } from './en';
import { enStaff } from './en.staff';
import { makeTranslator, type Translate } from './index';
import { nb } from './nb';
import { nbStaff } from './nb.staff';

const all = { en: { ...en, ...enStaff }, nb: { ...nb, ...nbStaff } };

/** The translator for the control room, projector, board and exports: every message. */
export function staffTranslator(language: Language): Translate {
	return makeTranslator(all[language] ?? all.en, all.en);
}
