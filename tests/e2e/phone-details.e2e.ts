import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	phoneContext,
	screenContext,
	hydrated
} from '../helpers/browser';
import { createWorkshop, type CreatedWorkshop } from '../helpers/clients';
import type { Page } from 'playwright-core';

const available = chromiumPath() !== null || process.env.CI === 'true';
/** What waits on the server (a round trip, a refinement) gets time on a loaded machine. */
const SERVER = { timeout: 15_000 };

/** A staff page of the workshop (control room or projector), opened with its key and hydrated. */
async function staffPage(
	env: ReturnType<typeof withServerAndBrowser>,
	created: CreatedWorkshop,
	view: 'facilitator' | 'projector'
): Promise<Page> {
	const page = await (await screenContext(env.browser)).newPage();
	await page.goto(`${env.server.url}/${created.code}/${view}?key=${created.facilitatorToken}`);
	await hydrated(page);
	return page;
}

/** A Norwegian phone on the workshop's page, past the optional name. */
async function joinedPhone(
	env: ReturnType<typeof withServerAndBrowser>,
	code: string
): Promise<Page> {
	const phone = await (await phoneContext(env.browser, 'nb-NO')).newPage();
	await phone.goto(`${env.server.url}/${code}`);
	await hydrated(phone);
	await phone.getByRole('button', { name: /Hopp over|Skip/ }).click();
	return phone;
}

/** Sends each text with the keyboard's Send key and waits until the phone has them all received. */
async function send(phone: Page, texts: string[]): Promise<void> {
	for (const text of texts) {
		await phone.locator('#input-text').fill(text);
		await phone.locator('#input-text').press('Enter');
	}
	await expect
		.poll(() => phone.locator('[data-status="received"]').count(), SERVER)
		.toBe(texts.length);
}

describe.runIf(available)('details a room notices', () => {
	const env = withServerAndBrowser();

	it("the phone keyboard's Send key sends, Shift+Enter breaks the line, and one phone is '1 deltaker'", async () => {
		const { server } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const screen = await staffPage(env, created, 'facilitator');

		const phone = await joinedPhone(env, created.code);
		const box = phone.locator('#input-text');
		await box.fill('Maskinene står');
		await box.press('Shift+Enter');
		await box.pressSequentially('mens vi venter på deler');
		await expect
			.poll(() => box.inputValue(), SERVER)
			.toBe('Maskinene står\nmens vi venter på deler');
		await box.press('Enter');
		await expect.poll(() => phone.locator('[data-status="received"]').count(), SERVER).toBe(1);
		await expect.poll(() => box.inputValue(), SERVER).toBe('');

		const counts = screen.locator('.counts');
		await expect
			.poll(() => screen.getByTestId('participants-online').textContent(), SERVER)
			.toBe('1');
		await expect.poll(() => counts.textContent(), SERVER).toMatch(/1\s+deltaker tilkoblet/);
		expect(await counts.textContent()).not.toMatch(/1\s+deltakere/);
	});

	it('a long unbroken input stays inside the unsorted tray on the projector, clear of the join panel', async () => {
		const { server } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const projector = await staffPage(env, created, 'projector');
		const phone = await joinedPhone(env, created.code);
		await phone.locator('#input-text').fill('A'.repeat(280));
		await phone.locator('button.send').click();
		await expect.poll(() => phone.locator('[data-status="received"]').count(), SERVER).toBe(1);

		const tray = projector.getByTestId('projector-unsorted');
		await expect.poll(() => tray.count(), SERVER).toBe(1);
		const box = (await tray.boundingBox())!;
		const join = (await projector.locator('.corner').boundingBox())!;
		const item = (await tray.locator('li').first().boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(join.x);
		expect(item.x + item.width).toBeLessThanOrEqual(box.x + box.width + 1);
		// the text itself wraps inside its line, rather than running on over its neighbours
		const overflow = await tray
			.locator('li')
			.first()
			.evaluate((li) => li.scrollWidth - li.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(1080);
	});

	it('the question shows in the phone’s and the projector’s language when the workshop has it in both', async () => {
		const { server, browser } = env;
		// the standard question comes in both languages
		const standard = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const english = await (await phoneContext(browser, 'en-GB')).newPage();
		await english.goto(`${server.url}/${standard.code}`);
		await hydrated(english);
		await expect.poll(() => english.locator('p.prompt').textContent()).toMatch(/bottlenecks/);
		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(
			`${server.url}/${standard.code}/projector?key=${standard.projectorToken}&lang=en`
		);
		await hydrated(projector);
		await expect.poll(() => projector.locator('h1').textContent()).toMatch(/bottlenecks/);
		// a question of one's own, given in both
		const own = await createWorkshop(server.url, {
			title: 'IT-gruppa',
			language: 'nb',
			prompt: 'Hva stjeler mest tid i IT-driften?',
			promptOther: 'What takes the most time in IT operations?'
		});
		await english.goto(`${server.url}/${own.code}`);
		await hydrated(english);
		await expect
			.poll(() => english.locator('p.prompt').textContent())
			.toBe('What takes the most time in IT operations?');
		const norwegian = await (await phoneContext(browser, 'nb-NO')).newPage();
		await norwegian.goto(`${server.url}/${own.code}`);
		await hydrated(norwegian);
		await expect
			.poll(() => norwegian.locator('p.prompt').textContent())
			.toBe('Hva stjeler mest tid i IT-driften?');
	});

	it('a phone set to English shows the page in English in a Norwegian workshop, and its choice sticks', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const english = await (await phoneContext(browser, 'en-GB')).newPage();
		await english.goto(`${server.url}/${created.code}`);
		await expect
			.poll(() => english.locator('label[for="input-text"]').textContent())
			.toBe('Your input');
		await hydrated(english);
		await expect
			.poll(() => english.locator('label[for="input-text"]').textContent())
			.toBe('Your input');
		const norwegian = await (await phoneContext(browser, 'nb-NO')).newPage();
		await norwegian.goto(`${server.url}/${created.code}`);
		await hydrated(norwegian);
		await expect
			.poll(() => norwegian.locator('label[for="input-text"]').textContent())
			.toBe('Ditt innspill');
		// the switch on the page wins over the phone's setting, also after a reload
		await english.locator('button.lang').click();
		await expect
			.poll(() => english.locator('label[for="input-text"]').textContent())
			.toBe('Ditt innspill');
		await english.reload();
		await hydrated(english);
		await expect
			.poll(() => english.locator('label[for="input-text"]').textContent())
			.toBe('Ditt innspill');
	});

	it('the facilitator picks several inputs of a theme with the mouse, top to bottom, and splits them off', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const control = await staffPage(env, created, 'facilitator');
		const phone = await joinedPhone(env, created.code);
		const texts = [
			'For mange møter uten beslutninger',
			'Møtene er lange og uten agenda',
			'Møter hele dagen, ingen tid til arbeid',
			'Ukentlige møter som kunne vært en e-post'
		];
		await send(phone, texts);
		const card = control.locator('[data-testid="theme-list"] > li').first();
		await expect.poll(() => card.locator('li[data-input-id]').count(), { timeout: 15_000 }).toBe(4);
		const rows = card.locator('li[data-input-id]');
		// tick the first, then the second: nothing may move under the mouse between the two
		await rows.nth(0).locator('label.pick').click();
		await rows.nth(1).locator('label.pick').click();
		await expect
			.poll(() => rows.nth(0).locator('input[type=checkbox]').isChecked(), SERVER)
			.toBe(true);
		await expect
			.poll(() => rows.nth(1).locator('input[type=checkbox]').isChecked(), SERVER)
			.toBe(true);
		await card.getByRole('button', { name: /\(2\)/ }).click();
		await expect
			.poll(() => control.locator('[data-testid="theme-list"] > li').count(), SERVER)
			.toBe(2);

		// on a touch screen, where nothing hovers, every input's tools are there to tap
		const touch = await (
			await browser.newContext({
				viewport: { width: 1280, height: 800 },
				hasTouch: true,
				locale: 'nb-NO'
			})
		).newPage();
		await touch.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(touch);
		const first = touch.locator('[data-testid="theme-list"] li[data-input-id]').first();
		await expect.poll(() => first.getByRole('combobox').isVisible(), SERVER).toBe(true);
		await expect
			.poll(() => first.getByRole('button', { name: 'Skjul' }).isVisible(), SERVER)
			.toBe(true);
	});

	it("the projector shows every theme's whole label, the facilitator's long renames included", async () => {
		const { server } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const control = await staffPage(env, created, 'facilitator');
		const projector = await staffPage(env, created, 'projector');
		const phone = await joinedPhone(env, created.code);
		const texts = [
			'ERP-systemet snakker ikke med lageret',
			'ERP-et er tregt og gammelt',
			'Vi taster ordre inn i ERP to ganger',
			'For mange møter uten beslutninger',
			'Møtene er lange og uten agenda'
		];
		for (const text of texts) {
			await phone.locator('#input-text').fill(text);
			await phone.locator('#input-text').press('Enter');
		}
		await expect
			.poll(() => phone.locator('[data-status="received"]').count(), SERVER)
			.toBe(texts.length);
		const card = control.locator('[data-testid="theme-list"] > li').first();
		await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
		const id = await card.getAttribute('data-theme-id');
		await card.getByRole('button', { name: 'Gi nytt navn' }).click();
		await card.getByRole('textbox').fill('Styringsverktøy og ERP-integrasjoner');
		await card.getByRole('textbox').press('Enter');
		const label = () =>
			projector.evaluate(
				(themeId) =>
					[
						...document.querySelectorAll(
							`[data-testid="projector-map"] g[data-theme-id="${themeId}"] text tspan:not(.count)`
						)
					]
						.map((t) => t.textContent)
						.join(' '),
				id
			);
		await expect.poll(label, { timeout: 15_000 }).toBe('Styringsverktøy og ERP-integrasjoner');
		// the locked label and a pinned input are marked with drawn icons, not emoji that a
		// machine without an emoji font shows as empty boxes
		await expect
			.poll(() => card.locator('h3 svg[aria-label="Navnet er låst"]').count(), SERVER)
			.toBe(1);
		const row = card.locator('li[data-input-id]').first();
		await row.hover();
		await row.getByRole('button', { name: 'Fest' }).click();
		await expect
			.poll(() => card.locator('svg[aria-label="Festet: blir i dette temaet"]').count(), SERVER)
			.toBe(1);
		const shown = await control.locator('[data-testid="theme-list"]').innerText();
		expect(shown).not.toMatch(/\p{Extended_Pictographic}/u);
		const all = await projector.evaluate(() =>
			[...document.querySelectorAll('[data-testid="projector-map"] text')].map((t) => t.textContent)
		);
		for (const text of all) expect(text).not.toContain('…');
	});

	it('a phone that has just joined sees the input box without scrolling, the optional name below it', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, {
			title: 'Kickoff, kompetansegruppe effektiv produksjon',
			language: 'nb'
		});
		const phone = await (await phoneContext(browser, 'nb-NO')).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		await expect
			.poll(() => phone.getByRole('button', { name: 'Hopp over' }).count(), SERVER)
			.toBe(1);
		const box = (await phone.locator('#input-text').boundingBox())!;
		const height = phone.viewportSize()!.height;
		expect(box.y + box.height).toBeLessThanOrEqual(height);
		const profile = (await phone.getByRole('button', { name: 'Hopp over' }).boundingBox())!;
		expect(profile.y).toBeGreaterThan(box.y);
		// typing first and naming oneself afterwards works
		await phone.locator('#input-text').fill('Maskinene står mens vi venter på deler');
		await phone.locator('#input-text').press('Enter');
		await expect.poll(() => phone.locator('[data-status="received"]').count(), SERVER).toBe(1);
		await phone.getByLabel('Navn').fill('Kari');
		await phone.getByRole('button', { name: 'Fortsett' }).click();
		await expect
			.poll(() => phone.getByRole('button', { name: 'Fortsett' }).count(), SERVER)
			.toBe(0);
	});

	it("voting cards show what the theme is about in the room's own words, largest theme first", async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const control = await staffPage(env, created, 'facilitator');
		const phone = await (await phoneContext(browser, 'nb-NO')).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		const texts = [
			'For mange møter uten beslutninger',
			'Møtene er lange og uten agenda',
			'Møter hele dagen, ingen tid til arbeid',
			'ERP-systemet snakker ikke med lageret',
			'Vi taster ordre inn i ERP to ganger'
		];
		await send(phone, texts);
		await expect
			.poll(() => control.locator('[data-testid="theme-list"] > li').count(), SERVER)
			.toBe(2);
		await control.getByRole('button', { name: 'Åpne avstemning' }).click();
		const cards = phone.locator('.vote li.card');
		await expect.poll(() => cards.count(), SERVER).toBe(2);
		const first = await cards.first().locator('.examples').textContent();
		expect(first).toMatch(/[Mm]øte/);
		expect(await cards.nth(1).locator('.examples').textContent()).toMatch(/ERP/);
	});

	it("the home page's language switch takes the new workshop's language and question along", async () => {
		const { server, browser } = env;
		const page = await (await screenContext(browser)).newPage();
		await page.goto(server.url);
		await hydrated(page);
		const prompt = page.locator('#prompt');
		const nb = page.locator('input[name=language][value=nb]');
		const en = page.locator('input[name=language][value=en]');
		await expect.poll(() => nb.isChecked()).toBe(true);
		await page.locator('header button.lang').click();
		await expect.poll(() => en.isChecked()).toBe(true);
		await expect.poll(() => prompt.inputValue()).toMatch(/bottlenecks/i);
		await page.locator('header button.lang').click();
		await expect.poll(() => nb.isChecked()).toBe(true);
		await expect.poll(() => prompt.inputValue()).toMatch(/flaskehals/i);
		// a language chosen for the workshop itself stays, whatever the page is read in
		await en.check();
		await page.locator('header button.lang').click();
		await page.locator('header button.lang').click();
		await expect.poll(() => en.isChecked()).toBe(true);
	});

	it('the control room shows the unsorted tray above the themes, where the facilitator looks first', async () => {
		const { server } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const control = await staffPage(env, created, 'facilitator');
		const phone = await joinedPhone(env, created.code);
		await send(phone, [
			'For mange møter uten beslutninger',
			'Møtene er lange og uten agenda',
			'Kantina har for lite plass'
		]);
		const tray = control.getByTestId('unsorted');
		await expect.poll(() => tray.count(), SERVER).toBe(1);
		await expect
			.poll(() => control.locator('[data-testid="theme-list"] > li').count(), SERVER)
			.toBe(1);
		const trayBox = (await tray.boundingBox())!;
		const listBox = (await control.getByTestId('theme-list').boundingBox())!;
		expect(trayBox.y).toBeLessThan(listBox.y);
	});

	it("finding 5: opening the board link in the facilitator's browser keeps the control room open there", async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const context = await screenContext(browser);
		const control = await context.newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);
		const board = await context.newPage();
		await board.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(board);
		await expect.poll(() => board.locator('[data-connection="online"]').count(), SERVER).toBe(1);
		// the same browser, both pages again, each in its own role
		const again = await control.reload();
		expect(again?.status()).toBe(200);
		await hydrated(control);
		await expect
			.poll(() => control.getByTestId('join-code').textContent(), SERVER)
			.toBe(created.code);
		await expect.poll(() => control.locator('[data-connection="online"]').count(), SERVER).toBe(1);
		const projector = await context.newPage();
		const shown = await projector.goto(`${server.url}/${created.code}/projector`);
		expect(shown?.status()).toBe(200);
		const boardAgain = await board.reload();
		expect(boardAgain?.status()).toBe(200);
	});

	it('a stale code, a wrong key or a wrong address gets a page in Bokmål and English, with a way back', async () => {
		const { server, browser } = env;
		const phone = await (await phoneContext(browser, 'nb-NO')).newPage();
		const stale = await phone.goto(`${server.url}/QQQQQQ`);
		expect(stale?.status()).toBe(404);
		const text = await phone.locator('main').innerText();
		expect(text).toContain('Ingen workshop har den koden');
		expect(text).toContain('No workshop has that code');
		await phone.getByRole('link', { name: /forsiden/ }).click();
		await expect.poll(() => new URL(phone.url()).pathname).toBe('/');

		const created = await createWorkshop(server.url, { title: 'Oppstart', language: 'nb' });
		const wrongKey = await phone.goto(`${server.url}/${created.code}/facilitator?key=feil`);
		expect(wrongKey?.status()).toBeGreaterThanOrEqual(400);
		const keyText = await phone.locator('main').innerText();
		expect(keyText).toContain('lenken');
		expect(keyText).toContain('link');

		const lost = await phone.goto(`${server.url}/ikke/her`);
		expect(lost?.status()).toBe(404);
		const lostText = await phone.locator('main').innerText();
		expect(lostText).toContain('Fant ikke siden');
		expect(lostText).toContain('Page not found');
		// nothing scrolls sideways at 360 px
		expect(
			await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
		).toBeLessThanOrEqual(0);
	});
});
