import type { ErrorCode, Language } from '../shared/types';
import { en, type CommonKey } from './en';
import type { StaffKey } from './en.staff';
import { nb } from './nb';

export type { CommonKey, StaffKey };
export type MessageKey = CommonKey | StaffKey;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

type Dictionary = Partial<Record<MessageKey, string>>;

export function makeTranslator(messages: Dictionary, fallback: Dictionary): Translate {
	return (key, params) => {
		let text = messages[key] ?? fallback[key] ?? key;
		// "one|other": the first form when {n} is 1.
		if (text.includes('|') && params?.n !== undefined)
			text = text.split('|')[params.n === 1 ? 0 : 1];
		return params ? text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? '')) : text;
	};
}

/** The phones' translator: only the text a participant sees, to keep their download small. */
export function translator(language: Language): Translate {
	return makeTranslator(language === 'nb' ? nb : en, en);
}

export function errorKey(code: ErrorCode | 'offline'): MessageKey {
	return `error.${code}` as MessageKey;
}
