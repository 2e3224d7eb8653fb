import { Resvg } from '@resvg/resvg-js';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/lib/server/export/docx';
import { reportMapSvg, svgToPng } from '../../src/lib/server/export/map-image';
import { pngSize } from '../helpers/png';
import { report } from '../helpers/report';

describe('the theme map as PNG', () => {
	it('is a real PNG of 1920×1080', async () => {
		const png = await svgToPng(reportMapSvg(report('nb', ['Møter uten agenda', 'Lange møter'])));
		expect(pngSize(png)).toEqual({ width: 1920, height: 1080 });
		expect(pngSize(new TextEncoder().encode('<svg/>'))).toBeNull();
	});

	it('draws æøå with the bundled font alone, where a letter it lacks draws nothing', () => {
		const ink = (text: string) => {
			const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"><text x="10" y="60" font-size="40" font-family="DejaVu Sans" font-weight="700">${text}</text></svg>`;
			const { pixels } = new Resvg(svg, {
				font: {
					fontFiles: ['src/lib/server/export/fonts/DejaVuSans-Bold.ttf'],
					loadSystemFonts: false
				}
			}).render();
			let n = 0;
			for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 128) n++;
			return n;
		};
		for (const letter of ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'á', 'č', 'đ', 'ŋ', 'š', 'ŧ', 'ž'])
			expect(ink(letter), letter).toBeGreaterThan(40);
		expect(ink('中')).toBe(0);
	});
});

describe('reportMapSvg', () => {
	it('shows the dots once they may be shown, in the workshop language', () => {
		const shown = report('nb', ['Møter uten agenda']);
		expect(reportMapSvg(shown)).toContain('1 innspill · 4 prikker');
		const hidden = { ...shown, votes: { ...shown.votes, visible: false } };
		expect(reportMapSvg(hidden)).toContain('>1 innspill<');
		expect(reportMapSvg(hidden)).not.toContain('prikk');
		expect(reportMapSvg(report('en', ['Meetings']))).toContain('1 input · 4 dots');
	});
});

describe('the mandate draft', () => {
	it('carries the map as a PNG picture under its own heading, across the page', async () => {
		const draft = report('nb', ['Møter uten agenda']);
		draft.workshop.prompt = 'Hva gjør vi med «møter» & <agenda>?';
		const zip = await JSZip.loadAsync(await renderDocx(draft));
		const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
		expect(media).toHaveLength(1);
		expect(pngSize(await zip.file(media[0])!.async('uint8array'))).toEqual({
			width: 1920,
			height: 1080
		});
		const xml = await zip.file('word/document.xml')!.async('string');
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).toContain('Temakart');
		expect(xml).toMatch(/<a:blip r:embed="[^"]+"/);
		// 601 px wide in EMU (9,525 per px), 16:9
		expect(xml).toContain('<wp:extent cx="5724525" cy="3219450"/>');
	});
});
