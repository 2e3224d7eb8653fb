// Unicode-aware tokenizer: every letter script is kept (æ, ø, å, ä, é, …), digits, URLs,
// e-mail addresses and emoji are dropped because they never name a theme.

const URL_RE = /\b(?:https?:\/\/|www\.)\S+/giu;
const EMAIL_RE = /\S+@\S+\.\S+/gu;
// Letters joined by hyphens stay one token ("e-post", "ERP-systemet"); the feature step decides
// how to split them. Apostrophes end a token so "customer's" yields "customer". Digits stay in a
// word that has a letter too ("5S", "S4", "B2B"); numbers alone go.
const PART = '[\\p{L}\\p{N}]*\\p{L}[\\p{L}\\p{N}]*';
const WORD_RE = new RegExp(`${PART}(?:-${PART})*`, 'gu');

export interface RawToken {
	/** lower-cased, NFC-normalised word as typed */
	word: string;
	/** true for short all-caps words such as "IT" or "ERP", which are names, not function words */
	acronym: boolean;
}

export function tokenize(text: string): RawToken[] {
	const clean = text.normalize('NFC').replace(URL_RE, ' ').replace(EMAIL_RE, ' ');
	const shouting = clean === clean.toUpperCase();
	const out: RawToken[] = [];
	for (const m of clean.matchAll(WORD_RE)) {
		const raw = m[0];
		const acronym = !shouting && raw.length >= 2 && raw.length <= 5 && raw === raw.toUpperCase();
		out.push({ word: raw.toLowerCase(), acronym });
	}
	return out;
}
