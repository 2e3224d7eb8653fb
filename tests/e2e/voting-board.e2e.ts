import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	phoneContext,
	screenContext,
	snapshot,
	hydrated
} from '../helpers/browser';
import { request } from '../helpers/clients';
import { groupedWorkshop } from '../helpers/fixtures';

const available = chromiumPath() !== null || process.env.CI === 'true';

describe.runIf(available)('from votes to a mandate draft in the browser', () => {
	const env = withServerAndBrowser();

	it('a phone places its dots, the board builds a focus area and a plan, and downloads the draft', async () => {
		const { server, browser } = env;
		const { created, facilitator, seed } = await groupedWorkshop(server.url);
		await request(facilitator.socket, 'voting:configure', { dots: 3, allowStacking: true });
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });

		const phone = await (await phoneContext(browser)).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		const cards = phone.locator('.vote li[data-theme-id]');
		await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
		const first = cards.first();
		await first.locator('button.plus').click();
		await expect.poll(() => phone.getByTestId('dots-left').textContent()).toContain('2');
		await first.locator('button.plus').click();
		await cards.nth(1).locator('button.plus').click();
		await expect.poll(() => phone.getByTestId('dots-left').textContent()).toMatch(/brukt|Alle/);
		expect(await cards.nth(2).locator('button.plus').isDisabled()).toBe(true);
		await snapshot(phone, 'phone-voting');
		// The dots survive a reload.
		await phone.reload();
		await hydrated(phone);
		await expect.poll(() => phone.locator('.vote li[data-theme-id] .mine .dot').count()).toBe(3);

		const board = await (await screenContext(browser)).newPage();
		await board.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(board);
		const ranked = board.getByTestId('ranked-themes').locator('li');
		await expect.poll(() => ranked.count()).toBeGreaterThanOrEqual(3);
		await board.getByLabel(/Navnet ditt/).fill('Kari');
		// before the first focus area, the empty list says how to make one
		await expect.poll(() => board.getByTestId('no-focus').textContent()).toContain('Kryss av');
		await ranked.first().locator('input[type=checkbox]').check();
		await board.getByTestId('new-focus').click();
		const area = board.getByTestId('focus-areas').locator('li.area');
		await expect.poll(() => area.count()).toBe(1);
		expect(await board.getByTestId('no-focus').count()).toBe(0);
		await expect.poll(() => area.locator('.quotes li').count()).toBeGreaterThan(0);
		await area.first().getByLabel('Begrunnelse').fill('Flest prikker i salen');
		await area.first().getByLabel('Ansvarlig').click();
		await expect.poll(() => area.first().textContent()).toContain('Kari');

		// A second focus area, moved above the first: the priority order follows.
		await ranked.nth(1).locator('input[type=checkbox]').check();
		await board.getByTestId('new-focus').click();
		await expect.poll(() => area.count()).toBe(2);
		const secondId = await area.nth(1).getAttribute('data-focus-id');
		await area.nth(1).getByRole('button', { name: 'Flytt opp' }).click();
		await expect.poll(() => area.first().getAttribute('data-focus-id')).toBe(secondId);

		await board.getByPlaceholder('Aktivitet').fill('Frokostmøte om prosjektstyring');
		await board.getByRole('button', { name: 'Legg til aktivitet' }).click();
		await expect.poll(() => board.getByTestId('plan').locator('tbody tr').count()).toBe(1);
		await board.getByTestId('plan').getByLabel('Måned').selectOption('3');
		await board.getByLabel('Formål').fill('Gjøre medlemsbedriftene mer effektive');
		await board.getByLabel('Årets tema').click();
		await board.evaluate(() => window.scrollTo(0, 0));
		await snapshot(board, 'board');

		const download = board.waitForEvent('download');
		await board.getByRole('link', { name: '.docx' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe(`innspill-${created.code}.docx`);

		const res = await fetch(`${server.url}/api/workshops/${created.code}/export.md`, {
			headers: { authorization: `Bearer ${created.boardToken}` }
		});
		const md = await res.text();
		expect(md).toContain('Flest prikker i salen');
		expect(md).toContain('Frokostmøte om prosjektstyring');
		expect(md).toContain('mars');
		expect(md).toContain('Gjøre medlemsbedriftene mer effektive');
		facilitator.socket.close();
		seed.socket.close();
	});
});
