import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	screenContext,
	hydrated,
	phoneContext,
	snapshot
} from '../helpers/browser';
import { connect, request } from '../helpers/clients';
import { groupedWorkshop } from '../helpers/fixtures';

const available = chromiumPath() !== null || process.env.CI === 'true';
const SERVER = { timeout: 15_000 };

describe.runIf(available)('the projector once the votes are shown', () => {
	const env = withServerAndBrowser();

	it('ranks the themes by dots, and says which number is dots and which inputs', async () => {
		const { server, browser } = env;
		const { created, facilitator, seed, themes: snapshot } = await groupedWorkshop(server.url);
		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(
			`${server.url}/${created.code}/projector?key=${created.facilitatorToken}&layout=list`
		);
		await hydrated(projector);
		const items = projector.getByTestId('projector-list').locator('li');
		await expect.poll(() => items.count(), SERVER).toBeGreaterThanOrEqual(3);
		// while inputs are collected there are no dots to speak of
		expect(await projector.getByTestId('projector-list').textContent()).not.toMatch(/prikk/);

		await request(facilitator.socket, 'voting:configure', { dots: 3, allowStacking: true });
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });
		// the theme ranked last by its inputs gets every dot: by votes it comes first
		const byInputs = [...snapshot.themes].sort((a, b) => b.inputIds.length - a.inputIds.length);
		const smallest = byInputs[byInputs.length - 1];
		for (let i = 0; i < 3; i++)
			await request(seed.socket, 'vote:cast', { id: randomUUID(), themeId: smallest.id });

		await expect.poll(() => items.first().textContent(), SERVER).toContain(smallest.label);
		expect(await items.first().textContent()).toMatch(/3 prikker · \d+ innspill/);
		facilitator.socket.close();
		seed.socket.close();
	});

	it('a timer on every screen, an explicit close, then the top 3 revealed one place at a time', async () => {
		const { server, browser } = env;
		const { created, facilitator, seed, themes: grouped } = await groupedWorkshop(server.url);
		const themes = grouped.themes;
		await request(facilitator.socket, 'voting:configure', { dots: 3, allowStacking: true });

		// the control room opens the vote and starts a two-minute timer
		const control = await (await screenContext(browser)).newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);
		await control.getByTestId('open-voting').click();
		await control.getByRole('button', { name: '2 min' }).click();
		await expect
			.poll(() => control.getByTestId('control-timer').textContent(), SERVER)
			.toMatch(/[12]:\d\d igjen/);
		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(`${server.url}/${created.code}/projector?key=${created.projectorToken}`);
		await hydrated(projector);
		await expect
			.poll(() => projector.getByTestId('projector-timer').textContent(), SERVER)
			.toMatch(/[12]:\d\d igjen å stemme/);
		const phone = await (await phoneContext(browser)).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		await expect
			.poll(() => phone.getByTestId('vote-timer').textContent(), SERVER)
			.toMatch(/[12]:\d\d igjen/);
		await snapshot(phone, 'phone-voting-timer');

		// dots: 3, 2 and 1 on the three themes
		for (const [theme, n] of themes.slice(0, 3).map((t, i) => [t, 3 - i] as const)) {
			const voter = await connect(server.url, { code: created.code });
			for (let i = 0; i < n; i++)
				await request(voter.socket, 'vote:cast', { id: randomUUID(), themeId: theme.id });
			voter.socket.close();
		}

		// closing: no more dots; the projector shows the result, three places waiting
		await control.getByTestId('reveal-mode').selectOption('3');
		await control.getByTestId('close-voting').click();
		const late = await request<{ ok: boolean; error?: { code: string } }>(
			seed.socket,
			'vote:cast',
			{ id: randomUUID(), themeId: themes[0].id }
		);
		expect(late).toMatchObject({ ok: false, error: { code: 'voting_closed' } });
		const places = projector.getByTestId('projector-results').locator('li');
		await expect.poll(() => places.count(), SERVER).toBe(3);
		expect((await places.allTextContents()).map((t) => t.replace(/\s+/g, ''))).toEqual([
			'1?',
			'2?',
			'3?'
		]);
		await snapshot(projector, 'projector-results-waiting');

		// place 3 first, then 2, then 1
		for (const [shownPlace, theme] of [
			[3, themes[2]],
			[2, themes[1]],
			[1, themes[0]]
		] as const) {
			await control.getByRole('button', { name: `Vis plass ${shownPlace}` }).click();
			const row = places.nth(shownPlace - 1);
			await expect.poll(() => row.textContent(), SERVER).toContain(theme.label);
			expect(await row.textContent()).toContain(
				`${4 - shownPlace} ${4 - shownPlace === 1 ? 'prikk' : 'prikker'}`
			);
		}
		await expect.poll(() => control.getByTestId('reveal-next').count(), SERVER).toBe(0);
		await snapshot(projector, 'projector-results');
		facilitator.socket.close();
		seed.socket.close();
	});

	it('with a dozen themes every place is on the screen, above the footer, in type the room can read', async () => {
		const { server, browser } = env;
		const { created, facilitator, seed } = await groupedWorkshop(server.url);
		const labels = [
			'Vedlikehold og nedetid',
			'Rekruttering og kompetanse',
			'Produksjonsplanlegging',
			'Intern kommunikasjon',
			'Leverandører og innkjøp',
			'Dokumentasjon og papirarbeid',
			'Lean og kontinuerlig forbedring',
			'Lokaler og plass',
			'Ledelse og kultur'
		];
		for (const label of labels)
			expect(await request(facilitator.socket, 'theme:act', { type: 'seed', label })).toMatchObject(
				{ ok: true }
			);
		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(`${server.url}/${created.code}/projector?key=${created.projectorToken}`);
		await hydrated(projector);
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'closed' });

		const places = projector.getByTestId('projector-results').locator('li');
		await expect.poll(() => places.count(), SERVER).toBe(labels.length + 3);
		const map = await projector.getByTestId('projector-map').boundingBox();
		const rows = await places.evaluateAll((items) =>
			items.map((li) => {
				const r = li.getBoundingClientRect();
				const label = li.querySelector('.label')!;
				return {
					top: r.top,
					bottom: r.bottom,
					size: parseFloat(getComputedStyle(label).fontSize)
				};
			})
		);
		for (const row of rows) {
			expect(row.top).toBeGreaterThanOrEqual(map!.y);
			expect(row.bottom).toBeLessThanOrEqual(map!.y + map!.height + 1);
			// at 1920 × 1080: no smaller than the map's labels
			expect(row.size).toBeGreaterThanOrEqual(24);
		}
		// the unsorted tray has no place on the result screen
		expect(await projector.getByTestId('projector-unsorted').count()).toBe(0);
		facilitator.socket.close();
		seed.socket.close();
	});
});
