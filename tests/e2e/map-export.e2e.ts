import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_INPUTS } from '../../scripts/lib/demo-inputs';
import { chromiumPath, hydrated, screenContext, withServerAndBrowser } from '../helpers/browser';
import type { ThemesSnapshot } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	exportWorkshop,
	request,
	type TestSocket
} from '../helpers/clients';
import { themesSettled } from '../helpers/fixtures';
import { pngSize } from '../helpers/png';
import { bubbles, parseSvg } from '../helpers/svg';

const available = chromiumPath() !== null || process.env.CI === 'true';
const PROMPT = 'Hva bør nettverket prioritere det neste året?';

describe.runIf(available)('the theme map as a picture, from the browser', () => {
	const env = withServerAndBrowser();

	it('the control room downloads the map as PNG and SVG; the board page offers both', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, {
			title: 'Oppstart: effektiv produksjon',
			prompt: PROMPT,
			language: 'nb'
		});
		// Thirty inputs from six phones, grouped, then three dots from each phone, shown at once.
		const facilitator = (
			await connect(server.url, { code: created.code, token: created.facilitatorToken })
		).socket;
		const phones: TestSocket[] = [];
		for (let i = 0; i < 6; i++)
			phones.push((await connect(server.url, { code: created.code })).socket);
		const grouped = themesSettled(facilitator, 5, 8);
		for (const [i, text] of DEMO_INPUTS.entries())
			await request(phones[i % phones.length], 'input:submit', { id: randomUUID(), text });
		await grouped;
		await request(facilitator, 'voting:configure', {
			dots: 3,
			allowStacking: true,
			hideResults: false
		});
		await request(facilitator, 'workshop:set-phase', { phase: 'voting' });
		// the map holds still from voting on: these are the themes the pictures show
		const { themes } = (await exportWorkshop(
			server.url,
			created.code,
			created.facilitatorToken
		)) as unknown as ThemesSnapshot;
		for (const [i, phone] of phones.entries())
			for (const step of [0, 1, 4]) {
				const theme = themes[(i + step) % Math.min(themes.length, 5)];
				expect(
					await request(phone, 'vote:cast', { id: randomUUID(), themeId: theme.id })
				).toMatchObject({ ok: true });
			}

		const control = await (await screenContext(browser)).newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);
		await control.locator('details.links summary').click();

		// The signed-in browser's cookie is its key: the link alone downloads the picture.
		const [png] = await Promise.all([
			control.waitForEvent('download'),
			control
				.getByRole('link', { name: /Last ned kartet \(PNG\)|Download the map \(PNG\)/ })
				.click()
		]);
		expect(png.suggestedFilename()).toBe(`innspill-${created.code}.png`);
		const pngPath = await png.path();
		expect(pngSize(readFileSync(pngPath))).toEqual({ width: 1920, height: 1080 });
		if (process.env.SCREENSHOTS === '1') {
			mkdirSync('docs/screenshots', { recursive: true });
			copyFileSync(pngPath, 'docs/screenshots/map-export.png');
		}

		const [svg] = await Promise.all([
			control.waitForEvent('download'),
			control
				.getByRole('link', { name: /Last ned kartet \(SVG\)|Download the map \(SVG\)/ })
				.click()
		]);
		expect(svg.suggestedFilename()).toBe(`innspill-${created.code}.svg`);
		const picture = parseSvg(readFileSync(await svg.path(), 'utf8'));
		expect(picture.text[0].tspan!.map((s) => s['#text']).join(' ')).toBe(PROMPT);
		const inputs = themes.reduce((n, t) => n + t.inputIds.length, 0);
		expect(picture.text[1]['#text']).toBe(`${inputs} innspill · 18 prikker`);
		expect(
			bubbles(picture)
				.map((b) => b.label)
				.sort()
		).toEqual(themes.map((t) => t.label).sort());

		// The board page offers the same two downloads.
		const board = await (await screenContext(browser)).newPage();
		await board.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(board);
		for (const [name, file] of [
			[/Last ned kartet \(PNG\)|Download the map \(PNG\)/, 'map.png'],
			[/Last ned kartet \(SVG\)|Download the map \(SVG\)/, 'map.svg']
		] as const)
			expect(await board.getByRole('link', { name }).getAttribute('href')).toBe(
				`/api/workshops/${created.code}/${file}`
			);
		const [fromBoard] = await Promise.all([
			board.waitForEvent('download'),
			board.getByRole('link', { name: /Last ned kartet \(PNG\)|Download the map \(PNG\)/ }).click()
		]);
		expect(pngSize(readFileSync(await fromBoard.path()))).toEqual({ width: 1920, height: 1080 });

		for (const socket of [facilitator, ...phones]) socket.close();
	});
});
