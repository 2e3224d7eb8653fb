import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	hydrated,
	phoneContext,
	screenContext,
	snapshot,
	withServerAndBrowser
} from '../helpers/browser';
import { createWorkshop } from '../helpers/clients';

const available = chromiumPath() !== null || process.env.CI === 'true';
const SERVER = { timeout: 15_000 };

describe.runIf(available)('moderation in the control room', () => {
	const env = withServerAndBrowser();

	it('with approval on, an input waits in the review queue and reaches the projector only when approved', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Kickoff', language: 'nb' });
		const control = await (await screenContext(browser)).newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);
		await control.getByTestId('moderation-toggle').check();
		await expect
			.poll(() => control.getByTestId('moderation-toggle').isChecked(), SERVER)
			.toBe(true);

		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(`${server.url}/${created.code}/projector?key=${created.projectorToken}`);
		await hydrated(projector);

		const phone = await (await phoneContext(browser, 'nb-NO')).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		await phone.getByRole('button', { name: /Hopp over|Skip/ }).click();
		await phone.locator('#input-text').fill('Kaffen i kantina smaker som motorolje!!!');
		await phone.locator('#input-text').press('Enter');
		await expect
			.poll(() => phone.locator('[data-status="held"]').textContent(), SERVER)
			.toContain('venter på godkjenning');
		await snapshot(phone, 'phone-waiting-for-approval');

		const held = control.getByTestId('held-input');
		await expect.poll(() => held.count(), SERVER).toBe(1);
		expect(await control.getByTestId('review-count').textContent()).toBe('1');
		await snapshot(control, 'facilitator-review');
		// meanwhile the projector shows nothing of it
		expect(await projector.locator('body').textContent()).not.toContain('motorolje');

		await held.getByRole('button', { name: 'Rett skrivefeil' }).click();
		await held.locator('textarea').fill('Kaffen i kantina smaker som motorolje');
		await held.getByRole('button', { name: 'Lagre, og la det vente' }).click();
		await expect.poll(() => held.textContent(), SERVER).not.toContain('!!!');
		await held.getByRole('button', { name: 'Godkjenn' }).click();
		await expect.poll(() => held.count(), SERVER).toBe(0);
		await expect
			.poll(() => projector.locator('body').textContent(), SERVER)
			.toContain('Kaffen i kantina smaker som motorolje');
		await expect.poll(() => phone.locator('[data-status="received"]').count(), SERVER).toBe(1);
	});
});
