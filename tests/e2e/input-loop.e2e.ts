import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	phoneContext,
	screenContext,
	hydrated
} from '../helpers/browser';
import { createWorkshop, exportWorkshop } from '../helpers/clients';

// Outside CI a machine without Chromium skips these with a notice; in CI a missing browser fails.
const available = chromiumPath() !== null || process.env.CI === 'true';
if (!available)
	console.warn('Chromium not found: browser tests skipped (install Debian `chromium`).');

describe.runIf(available)('a phone and the control room in real Chromium', () => {
	const env = withServerAndBrowser();

	it('a phone joins with the code, sends inputs, and the control room shows them live', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, {
			title: 'Oppstart: effektiv produksjon',
			language: 'nb'
		});
		// The facilitator's laptop speaks American English; the workshop is Norwegian.
		const screen = await (await screenContext(browser, 'en-US')).newPage();
		await screen.goto(created.urls.facilitator.replace(/^http:\/\/[^/]+/, server.url));
		await hydrated(screen);
		// The key moved into a cookie and out of the address bar.
		expect(new URL(screen.url()).search).toBe('');
		await expect.poll(() => screen.getByTestId('join-code').textContent()).toBe(created.code);
		await expect.poll(() => screen.locator('[data-connection="online"]').count()).toBe(1);

		const phone = await (await phoneContext(browser)).newPage();
		await phone.goto(server.url);
		await hydrated(phone);
		await phone.getByLabel('Kode').fill(created.code.toLowerCase());
		await phone.getByRole('button', { name: 'Bli med' }).click();
		await phone.waitForURL(`${server.url}/${created.code}`);
		await hydrated(phone);
		await expect.poll(() => phone.locator('[data-connection="online"]').count()).toBe(1);
		await phone.getByLabel('Navn').fill('Kari');
		await phone.getByLabel('Organisasjon').fill('Verksted AS');
		await phone.getByRole('button', { name: 'Fortsett' }).click();

		await expect.poll(() => screen.getByTestId('participants-online').textContent()).toBe('1');

		const box = phone.getByRole('textbox', { name: 'Ditt innspill' });
		await box.fill('For mye tid går med til manuell registrering av timer');
		await phone.getByRole('button', { name: 'Send', exact: true }).click();
		await expect.poll(() => phone.locator('[data-status="received"]').count()).toBe(1);
		await expect.poll(() => box.inputValue()).toBe('');
		await box.fill('Lite deling av informasjon mellom skift');
		await box.press('Control+Enter');
		await expect.poll(() => phone.locator('[data-status="received"]').count()).toBe(2);

		const feed = screen.getByTestId('input-feed');
		await expect.poll(() => feed.textContent()).toContain('manuell registrering av timer');
		await expect.poll(() => feed.textContent()).toContain('mellom skift');
		await expect.poll(() => screen.getByTestId('input-count').textContent()).toBe('2');
		// Times read as the workshop's language writes them: 24-hour clock, no "AM"/"PM".
		const times = await feed.locator('time').allTextContents();
		expect(times).toHaveLength(2);
		for (const time of times) expect(time).toMatch(/^\d{2}[:.]\d{2}$/);

		// The phone's layout fits 360 px: nothing scrolls sideways.
		const overflow = await phone.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);

		// With the keyboard open the page scrolls, and the connection state stays in view.
		await phone.setViewportSize({ width: 360, height: 360 });
		await box.focus();
		await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
		await expect.poll(() => phone.evaluate(() => window.scrollY)).toBeGreaterThan(0);
		const badge = await phone.locator('[data-connection]').boundingBox();
		expect(badge!.y).toBeGreaterThanOrEqual(0);
		expect(badge!.y + badge!.height).toBeLessThanOrEqual(360);
	});

	it('keeps inputs typed offline and sends them when the connection is back', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Offline', language: 'en' });
		const context = await phoneContext(browser, 'en-GB');
		const phone = await context.newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		await expect.poll(() => phone.locator('[data-connection="online"]').count()).toBe(1);
		await phone.getByRole('button', { name: /Skip|Hopp over/ }).click();

		await context.setOffline(true);
		await expect
			.poll(() => phone.locator('[data-connection="online"]').count(), { timeout: 30_000 })
			.toBe(0);
		const box = phone.locator('#input-text');
		await box.fill('Typed in the basement without coverage');
		await phone.locator('button.send').click();
		await expect.poll(() => phone.locator('[data-status="sending"]').count()).toBe(1);
		const stored = await phone.evaluate(
			(code) => localStorage.getItem(`innspill:outbox:${code}`),
			created.code
		);
		expect(stored).toContain('Typed in the basement');

		await context.setOffline(false);
		await expect
			.poll(() => phone.locator('[data-status="received"]').count(), { timeout: 30_000 })
			.toBe(1);
		const data = await exportWorkshop(server.url, created.code, created.facilitatorToken);
		expect(data.inputs.map((i) => i.text)).toEqual(['Typed in the basement without coverage']);
	});

	it('tells the phone when input closes, and refuses to send', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Closing', language: 'en' });
		const screen = await (await screenContext(browser)).newPage();
		await screen.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(screen);
		const phone = await (await phoneContext(browser, 'en-GB')).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		await expect.poll(() => phone.locator('[data-connection="online"]').count()).toBe(1);
		await expect.poll(() => screen.locator('[data-connection="online"]').count()).toBe(1);
		await screen.getByRole('button', { name: /Close input|Steng for innspill/ }).click();
		await expect.poll(() => phone.getByTestId('input-closed').count()).toBe(1);
		expect(await phone.locator('#input-text').count()).toBe(0);
	});
});
