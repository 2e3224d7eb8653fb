import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { MAP_FONT, mapSvg } from '../../viz/map-svg';
import type { WorkshopReport } from './report';
// The font's bytes travel inside the server bundle, so no path has to survive the build.
import font from './fonts/DejaVuSans-Bold.ttf?inline';

/** The theme map as the room saw it: dots only once they may be shown. */
export function reportMapSvg(report: WorkshopReport): string {
	const { t, workshop, themes, votes } = report;
	return mapSvg(themes.themes, votes.visible ? votes.totals : {}, {
		title: workshop.prompt,
		label: t('projector.map'),
		countLabel: (n) => t('projector.inputs', { n }),
		dotsLabel: (n) => t('projector.dots', { n }),
		empty: t('export.mapEmpty')
	});
}

export async function reportMapPng(report: WorkshopReport): Promise<Buffer> {
	return svgToPng(reportMapSvg(report));
}

/**
 * An SVG drawn at its own size (the map: 1920×1080) as PNG, with our font, so æøå look the same
 * on every server; letters it lacks come from the machine's fonts, if any. resvg renders on a
 * worker thread, so a picture never holds up the sockets.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
	const image = await renderAsync(svg, {
		fitTo: { mode: 'original' },
		font: {
			fontFiles: [fontFile()],
			loadSystemFonts: true,
			defaultFontFamily: MAP_FONT,
			sansSerifFamily: MAP_FONT
		},
		logLevel: 'off'
	});
	return image.asPng();
}

let file: string | null = null;

/**
 * resvg-js reads fonts from files only: the bundled font is written once per process into a
 * directory of its own (not a guessable path in /tmp that someone else could have put a file at).
 */
function fontFile(): string {
	if (file && existsSync(file)) return file;
	const dir = mkdtempSync(join(tmpdir(), 'innspill-font-'));
	file = join(dir, 'DejaVuSans-Bold.ttf');
	writeFileSync(file, Buffer.from(font.slice(font.indexOf(',') + 1), 'base64'));
	process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
	return file;
}
