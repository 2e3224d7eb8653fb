import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
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
