import type { Language } from '../shared/types';

/** Norwegian for browsers that ask for any Norwegian, English otherwise. */
export function languageFromHeader(acceptLanguage: string | null): Language {
	return /\b(nb|no|nn)\b/i.test(acceptLanguage ?? '') ? 'nb' : 'en';
}
