import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	phoneContext,
	screenContext,
	snapshot,
	hydrated
} from '../helpers/browser';
import { createWorkshop } from '../helpers/clients';

const available = chromiumPath() !== null || process.env.CI === 'true';
/** What waits on the server (a round trip, a refinement) gets time on a loaded machine. */
const SERVER = { timeout: 15_000 };

describe.runIf(available)('seed themes pasted as a list', () => {
	const env = withServerAndBrowser();

	it('become themes with their own labels, and pull the inputs that name them onto the projector', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const control = await (await screenContext(browser)).newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);

		await control.locator('details.seed summary').click();
		const add = control.getByTestId('seed-list').getByRole('button');
		await control.locator('#seed-list').fill('Lean og 5S: lean, 5S');
		await expect.poll(() => add.textContent(), SERVER).toMatch(/^\s*Legg til 1 tema\s*$/);
		await control
			.locator('#seed-list')
			.fill(
				'Lean og 5S: lean, 5S, standardisering\nStyringsverktøy: ERP, styringssystem\nLokaler og plass\n\n'
			);
		await expect.poll(() => add.textContent(), SERVER).toMatch(/^\s*Legg til 3 temaer\s*$/);
		await snapshot(control, 'facilitator-seed-list');
		await add.click();
		const cardLabels = () =>
			control
				.locator('[data-testid="theme-list"] > li')
				.evaluateAll((els) => els.map((el) => el.textContent ?? ''));
		await expect.poll(async () => (await cardLabels()).join(' | '), SERVER).toMatch(/Lean og 5S/);
		// the seeds go to the server one after the other: wait for the second too
		await expect
			.poll(async () => (await cardLabels()).join(' | '), SERVER)
			.toMatch(/Styringsverktøy/);
		// a line without a colon is a theme by its label alone
		await expect
			.poll(async () => (await cardLabels()).join(' | '), SERVER)
			.toMatch(/Lokaler og plass/);
		await expect.poll(() => control.locator('#seed-list').inputValue(), SERVER).toBe('');

		const phone = await (await phoneContext(browser, 'nb-NO')).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		await phone.getByRole('button', { name: /Hopp over|Skip/ }).click();
		for (const text of ['Vi har ingen 5S-tavle på avdelingen', 'ERP-systemet er tregt']) {
			await phone.locator('#input-text').fill(text);
			await phone.locator('button.send').click();
		}
		await expect.poll(() => phone.locator('[data-status="received"]').count(), SERVER).toBe(2);

		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(`${server.url}/${created.code}/projector?key=${created.facilitatorToken}`);
		await hydrated(projector);
		const labels = () =>
			projector.evaluate(() =>
				[...document.querySelectorAll('[data-testid="projector-map"] g[data-theme-id] text')]
					.map((t) => t.textContent ?? '')
					.join(' | ')
			);
		await expect.poll(labels, { timeout: 15_000 }).toMatch(/Lean og 5S/);
		await expect.poll(labels, SERVER).toMatch(/Styringsverktøy/);
	});
});
