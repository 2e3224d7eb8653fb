import type { Language } from '../shared/types';

const KEY = 'innspill:lang';

/** A person's chosen UI language, remembered on this device; the workshop's language otherwise. */
export function preferredLanguage(fallback: Language): Language {
	try {
		const stored = localStorage.getItem(KEY);
		return stored === 'nb' || stored === 'en' ? stored : fallback;
	} catch {
		return fallback;
	}
}

export function rememberLanguage(language: Language): void {
	try {
		localStorage.setItem(KEY, language);
	} catch {
		// not remembered; the switch still applies to this page
	}
}
