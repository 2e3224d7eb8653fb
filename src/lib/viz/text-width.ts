/**
 * How wide a text is set, in ems, in DejaVu Sans Bold: the widest face the theme map meets (the
 * exported picture's font, and what system-ui resolves to on a Debian projector). Segoe UI,
 * Roboto, Helvetica and Arial set narrower, so a label measured here fits there too. Counting
 * characters instead let "HMS og ERP" run past its bubble: capitals are a fifth wider than small
 * letters, and æ wider still.
 */

// Advance widths of ' ' to '~' in 1/100 em, from the font's hmtx table, rounded up.
// prettier-ignore
const ASCII = [
	35, 46, 53, 84, 70, 101, 88, 31, 46, 46, 53, 84, 38, 42, 38, 37, // space to /
	70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 59, // 0 to ?
	100, 78, 77, 74, 84, 69, 69, 83, 84, 38, 38, 78, 64, 100, 84, 86, // @ to O
	74, 86, 78, 73, 69, 82, 78, 111, 78, 73, 73, 46, 37, 46, 84, 50, // P to _
	50, 68, 72, 60, 72, 68, 44, 72, 72, 35, 35, 67, 35, 105, 72, 69, // ` to o
	72, 72, 50, 60, 48, 72, 66, 93, 65, 66, 59, 72, 37, 72, 84 // p to ~
];

/** Letters and signs that are not an ASCII letter with an accent. */
// prettier-ignore
const OTHER: Record<string, number> = {
	æ: 105, Æ: 109, ø: 69, Ø: 85, œ: 110, Œ: 117, ß: 72, đ: 72, Đ: 84, ŋ: 72, Ŋ: 84, ŧ: 48, Ŧ: 69,
	'·': 38, '●': 88, '–': 50, '—': 100, '…': 100, '«': 65, '»': 65, '‘': 38, '’': 38, '“': 66,
	'”': 66, '„': 66, '€': 70, '§': 50, '°': 50,
	'\u00ad': 42 // a soft hyphen, where the map divides a long word, is drawn as a hyphen
};

/** Greek and Cyrillic average three quarters of an em; anything else is guessed wide. */
const UNKNOWN = 85;

export function textWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += charWidth(ch);
	return width / 100;
}

function charWidth(ch: string): number {
	const code = ch.codePointAt(0)!;
	if (code >= 32 && code < 127) return ASCII[code - 32];
	if (OTHER[ch] !== undefined) return OTHER[ch];
	// an accented letter is as wide as its base letter: å as a, É as E, š as s
	const base = ch.normalize('NFD').codePointAt(0)!;
	return base >= 32 && base < 127 ? ASCII[base - 32] : UNKNOWN;
}
