import type { ErrorCode, Language } from '../shared/types';
import { en, type MessageKey } from './en';
import { nb } from './nb';

export type { MessageKey };
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, nb };

export function translator(language: Language): Translate {
	const messages = dictionaries[language] ?? en;
	return (key, params) => {
		const text = messages[key] ?? en[key] ?? key;
		return params ? text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? '')) : text;
	};
}

export function errorKey(code: ErrorCode | 'offline'): MessageKey {
	return `error.${code}` as MessageKey;
}
