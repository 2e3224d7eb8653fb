import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	phoneContext,
	screenContext,
	snapshot,
	hydrated
} from '../helpers/browser';
import { randomUUID } from 'node:crypto';
import { DEMO_INPUTS } from '../../scripts/lib/demo-inputs';
import { connect, createWorkshop, request, type TestSocket } from '../helpers/clients';
import { themesSettled } from '../helpers/fixtures';

const available = chromiumPath() !== null || process.env.CI === 'true';

/** A projector of the workshop at this screen size, once it shows at least `themes` bubbles. */
async function projectorAt(
	browser: Browser,
	url: string,
	width: number,
	height: number,
	themes: number
): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height }, locale: 'nb-NO' });
	const page = await context.newPage();
	await page.goto(url);
	await hydrated(page);
	await expect
		.poll(() => page.locator('[data-testid="projector-map"] g[data-theme-id]').count(), {
			timeout: 15_000
		})
		.toBeGreaterThanOrEqual(themes);
	return page;
}

const NORWEGIAN = [
	'Dårlig prosjektledelse og uklare prosjektmål',
	'Prosjektene mangler en tydelig prosjektleder',
	'Lite digitalisering av papirskjemaer i produksjonen',
	'Digitalisering av ordremottak går tregt',
	'For mange møter uten beslutninger',
	'Møtene er lange og uten agenda'
];
const ENGLISH = [
	'Project management is weak and projects run late',
	'Digitalization of paper forms is slow',
	'Too many meetings without decisions',
	'Our digital tools do not talk to each other',
	'Projects lack a clear project owner',
	'Meetings take up most of the week'
];

async function send(phone: Page, texts: string[]) {
	const box = phone.locator('#input-text');
	for (const text of texts) {
		await box.fill(text);
		await phone.locator('button.send').click();
	}
	await expect
		.poll(() => phone.locator('[data-status="received"]').count(), { timeout: 15_000 })
		.toBe(texts.length);
}

/** The map's bubbles as theme id → label, read from the projector's SVG. */
async function bubbles(projector: Page): Promise<Record<string, string>> {
	return projector.evaluate(() =>
		Object.fromEntries(
			[...document.querySelectorAll('[data-testid="projector-map"] g[data-theme-id]')].map((g) => [
				g.getAttribute('data-theme-id'),
				(g.querySelector('text')?.textContent ?? '').replace(/\s+/g, ' ').trim()
			])
		)
	);
}

describe.runIf(available)('the projector follows the control room', () => {
	const env = withServerAndBrowser();

	it('two phones send in Norwegian and English, the map shows labelled themes, a merge and its undo reach the projector', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, {
			title: 'Oppstart: effektiv produksjon',
			language: 'nb'
		});
		const control = await (await screenContext(browser)).newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);
		const projectorContext = await screenContext(browser);
		const projector = await projectorContext.newPage();
		await projector.goto(`${server.url}/${created.code}/projector?key=${created.facilitatorToken}`);
		await hydrated(projector);

		const nbPhone = await (await phoneContext(browser, 'nb-NO')).newPage();
		const enPhone = await (await phoneContext(browser, 'en-GB')).newPage();
		for (const phone of [nbPhone, enPhone]) {
			await phone.goto(`${server.url}/${created.code}`);
			await hydrated(phone);
			await expect.poll(() => phone.locator('[data-connection="online"]').count()).toBe(1);
			await phone.getByRole('button', { name: /Hopp over|Skip/ }).click();
		}
		await send(nbPhone, NORWEGIAN);
		await send(enPhone, ENGLISH);

		// Three topics → at least three labelled bubbles on the projector.
		await expect
			.poll(async () => Object.keys(await bubbles(projector)).length, { timeout: 20_000 })
			.toBeGreaterThanOrEqual(3);
		const labels = Object.values(await bubbles(projector))
			.join(' | ')
			.toLowerCase();
		expect(labels).toMatch(/prosjekt|project/);
		expect(labels).toMatch(/digital/);
		expect(labels).toMatch(/møte|meeting/);
		await snapshot(nbPhone, 'phone-participant');
		await snapshot(projector, 'projector');

		// The facilitator selects two themes and merges them.
		const cards = control.locator('[data-testid="theme-list"] > li');
		await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(3);
		const before = await bubbles(projector);
		const [first, second] = await cards.evaluateAll((els) =>
			els.slice(0, 2).map((el) => el.getAttribute('data-theme-id')!)
		);
		await control.locator(`li[data-theme-id="${first}"] header input[type=checkbox]`).check();
		await control.locator(`li[data-theme-id="${second}"] header input[type=checkbox]`).check();
		await control.getByTestId('merge').click();
		await expect
			.poll(async () => Object.keys(await bubbles(projector)).length)
			.toBe(Object.keys(before).length - 1);
		expect(Object.keys(await bubbles(projector))).toContain(first);
		expect(Object.keys(await bubbles(projector))).not.toContain(second);
		await snapshot(control, 'facilitator');

		// One click undoes it; the projector shows the same themes again, with the same ids.
		await control.getByTestId('undo').click();
		await expect
			.poll(async () => Object.keys(await bubbles(projector)).sort())
			.toEqual(Object.keys(before).sort());
		await expect.poll(() => control.getByTestId('redo').isEnabled()).toBe(true);

		// Moderation: hiding an input removes it from the author's phone.
		const firstInput = control.locator('[data-testid="theme-list"] li[data-input-id]').first();
		const hiddenId = await firstInput.getAttribute('data-input-id');
		await firstInput.hover();
		await firstInput.getByRole('button', { name: 'Skjul' }).click();
		for (const phone of [nbPhone, enPhone]) {
			await expect.poll(() => phone.locator(`[data-input-id="${hiddenId}"]`).count()).toBe(0);
		}
	});

	it('a smaller projector shows the same picture, smaller: the map keeps its share of the screen and every label whole', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, {
			title: 'Oppstart: effektiv produksjon',
			language: 'nb'
		});
		const facilitator = (
			await connect(server.url, { code: created.code, token: created.facilitatorToken })
		).socket;
		const phones: TestSocket[] = [];
		for (let i = 0; i < 4; i++)
			phones.push((await connect(server.url, { code: created.code })).socket);
		const grouped = themesSettled(facilitator, 5, 8);
		for (const [i, text] of DEMO_INPUTS.entries())
			await request(phones[i % phones.length], 'input:submit', { id: randomUUID(), text });
		await grouped;

		const measure = async (width: number, height: number) => {
			const page = await projectorAt(
				browser,
				`${server.url}/${created.code}/projector?key=${created.facilitatorToken}`,
				width,
				height,
				5
			);
			// the bubbles that stick out of the map, or whose words stick out of them, with why;
			// polled, since bubbles glide into place and a refinement may still relabel one
			const outside = () =>
				page.evaluate(() => {
					const map = document
						.querySelector('[data-testid="projector-map"]')!
						.getBoundingClientRect();
					return [...document.querySelectorAll('[data-testid="projector-map"] g[data-theme-id]')]
						.map((g) => {
							const c = g.querySelector('circle:not(.pulse)')!.getBoundingClientRect();
							const t = g.querySelector('text')!.getBoundingClientRect();
							const label = (g.querySelector('text')!.textContent ?? '').trim();
							if (c.left < map.left - 1 || c.right > map.right + 1) return `${label}: off the map`;
							if (c.top < map.top - 1 || c.bottom > map.bottom + 1) return `${label}: off the map`;
							if (t.left < c.left - 1 || t.right > c.right + 1) return `${label}: past its bubble`;
							return null;
						})
						.filter((x) => x !== null);
				});
			await expect.poll(outside, { timeout: 10_000 }).toEqual([]);
			const share = await page.evaluate(
				() =>
					document.querySelector('[data-testid="projector-map"]')!.getBoundingClientRect().height /
					window.innerHeight
			);
			await page.context().close();
			return share;
		};
		// every bubble on the map and every label inside its bubble, on both screens
		const large = await measure(1920, 1080);
		const small = await measure(1280, 720);
		// the whole page scales: the map is not squeezed out by the join code and the quotes
		expect(small).toBeGreaterThan(0.5);
		expect(small).toBeGreaterThan(large * 0.9);
		facilitator.close();
		for (const phone of phones) phone.close();
	});

	it('a long question takes smaller type, and the map keeps most of its room', async () => {
		const { server, browser } = env;
		const sentence =
			'Tenk på en vanlig arbeidsuke: hva hindrer dere i å levere raskere og bedre, i produksjonen, planleggingen, innkjøpet og administrasjonen? ';
		const prompt = sentence.repeat(4).trim().slice(0, 500);
		const created = await createWorkshop(server.url, { title: 'Lang', language: 'nb', prompt });
		const facilitator = (
			await connect(server.url, { code: created.code, token: created.facilitatorToken })
		).socket;
		const phone = (await connect(server.url, { code: created.code })).socket;
		const grouped = themesSettled(facilitator, 3, 8);
		for (const text of DEMO_INPUTS)
			await request(phone, 'input:submit', { id: randomUUID(), text });
		await grouped;
		const page = await projectorAt(
			browser,
			`${server.url}/${created.code}/projector?key=${created.facilitatorToken}`,
			1920,
			1080,
			3
		);
		const { share, question } = await page.evaluate(() => ({
			share:
				document.querySelector('[data-testid="projector-map"]')!.getBoundingClientRect().height /
				window.innerHeight,
			question: document.querySelector('h1')!.textContent ?? ''
		}));
		// the whole question is there, and the map still has about half the screen
		expect(question.trim()).toBe(prompt);
		expect(share).toBeGreaterThan(0.45);
		await page.context().close();
		facilitator.close();
		phone.close();
	});
});
