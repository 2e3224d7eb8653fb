import { describe, expect, it } from 'vitest';
import { mdCell, mdText, renderMarkdown } from '../../src/lib/server/export/markdown';
import { activity, report, withPlan } from '../helpers/report';

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

describe('the plan table in the Markdown draft', () => {
	it('shows the year, keeps calendar order and the whole title', () => {
		const long =
			'Bedriftsbesøk hos Verksted AS med omvisning i produksjonslokalene, lunsj og en runde med spørsmål';
		const md = renderMarkdown(
			withPlan(report('nb', ['x']), [
				activity({ title: long, month: 3, quarter: 1, year: 2027 }),
				activity({ title: 'Frokostmøte', date: '2027-02-11', month: 2, quarter: 1, year: 2027 }),
				activity({ title: 'Kurs', quarter: 3, year: 2027 })
			])
		);
		const rows = md.split('\n').filter((line) => /^\| (\d|mars)/.test(line));
		expect(rows.map((row) => row.split(' | ')[0])).toEqual([
			'| 11. februar 2027',
			'| mars 2027',
			'| 3. kvartal 2027'
		]);
		expect(rows[1]).toContain(long);
	});
});

describe('an empty board in the Markdown draft', () => {
	it('says what is not written yet, with a blank line before each heading', () => {
		const md = renderMarkdown(report('nb', ['x']));
		expect(md).toContain('## Mandat\n\nIkke skrevet ennå');
		expect(md).toContain('Ingen fokusområder ennå.\n\n## Årsplan');
		expect(md).toContain('Ingen aktiviteter planlagt ennå.\n\n## ');
		expect(md).not.toContain('\n\n\n');
		// one participant, one input: the singular
		expect(md).toContain('1 deltaker, 1 innspill.');
		expect(renderMarkdown(report('en', ['x', 'y']))).toContain('1 participant, 2 inputs.');
		// every heading but the first follows a blank line
		const lines = md.split('\n');
		lines.forEach((line, i) => {
			if (i > 0 && line.startsWith('#')) expect(lines[i - 1], line).toBe('');
		});
	});
});
