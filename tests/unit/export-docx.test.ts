import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/lib/server/export/docx';
import { activity, report, withPlan } from '../helpers/report';

// XML 1.0 allows tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and the astral planes.
const XML_INVALID =
	// eslint-disable-next-line no-control-regex -- matching control characters is the point
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

describe('the .docx export', () => {
	it('finding 1: opens whatever a participant typed: XML-invalid characters never reach the document', async () => {
		const texts = [
			'Treg\uFFFF fakturering',
			'Kontroll\u0001tegn\u0008',
			'Halv \uD800 surrogat',
			'Ærlig 🙂 svar'
		];
		const docx = await renderDocx(report('nb', texts));
		const zip = await JSZip.loadAsync(docx);
		for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
			const xml = await zip.file(name)!.async('string');
			expect(XML_INVALID.test(xml), name).toBe(false);
		}
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(xml).toContain('Treg fakturering');
		expect(xml).toContain('Ærlig 🙂 svar');
	});
});

describe('the plan table in the .docx draft', () => {
	it('shows the year with the month, and the whole title', async () => {
		const long =
			'Frokostmøte om prosjektstyring med innledning fra to medlemsbedrifter og diskusjon';
		const docx = await renderDocx(
			withPlan(report('en', ['x']), [
				activity({ title: long, date: '2027-02-11', month: 2, quarter: 1, year: 2027 }),
				activity({ title: 'Visit', month: 3, quarter: 1, year: 2028 })
			])
		);
		const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
		expect(xml).toContain('>11 February 2027<');
		expect(xml).toContain('>March 2028<');
		expect(xml).toContain(long);
		expect(xml.indexOf('11 February 2027')).toBeLessThan(xml.indexOf('March 2028'));
	});
});

describe('an empty board in the .docx draft', () => {
	it('says the mandate is not written yet', async () => {
		const docx = await renderDocx(report('en', ['x']));
		const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
		expect(xml).toContain('Not written yet');
	});
});
