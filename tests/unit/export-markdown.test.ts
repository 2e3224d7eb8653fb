import { describe, expect, it } from 'vitest';
import { mdCell, mdText } from '../../src/lib/server/export/markdown';

// Participant text in the Markdown draft: read as written, and unable to make a link, an image,
// a heading, a list, a quote, a table break or HTML.
describe('mdText (finding 7: no link, heading or structure from participant text)', () => {
	it.each([
		['Møter hver dag (20) med Excel-ark', 'Møter hver dag (20) med Excel-ark'],
		['Vi bruker 3-4 timer på dette!', 'Vi bruker 3-4 timer på dette!'],
		['# Overskrift', '\\# Overskrift'],
		['- punkt', '\\- punkt'],
		['1. punkt', '1\\. punkt'],
		['> sitat', '&gt; sitat'],
		['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
		['*fet* og _kursiv_', '\\*fet\\* og \\_kursiv\\_'],
		['[klikk](http://x.y)', '\\[klikk\\](http\\://x.y)'],
		['se www.example.com', 'se www\\.example.com'],
		['mail kari@example.com', 'mail kari\\@example.com']
	])('%j', (text, md) => {
		expect(mdText(text)).toBe(md);
	});

	it('a line of = or - under a line makes no heading', () => {
		expect(mdText('tekst\n===')).toBe('tekst  \n\\===');
		expect(mdText('tekst\n---')).toBe('tekst  \n\\---');
	});
});

describe('mdCell (finding 7: no table break)', () => {
	it('keeps a table row one row: no newline, no cell break', () => {
		expect(mdCell('Bedriftsbesøk\nhos Verksted | AS')).toBe('Bedriftsbesøk hos Verksted \\| AS');
	});
});
