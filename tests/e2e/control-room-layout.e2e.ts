import { describe, expect, it } from 'vitest';
import { chromiumPath, hydrated, withServerAndBrowser } from '../helpers/browser';
import { createWorkshop } from '../helpers/clients';

const available = chromiumPath() !== null || process.env.CI === 'true';

interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

describe.runIf(available)('the control room on a touch screen', () => {
	const env = withServerAndBrowser();

	it('at 1024 × 768 the themes keep a column of their own beside the controls, and nothing overlaps', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Kickoff', language: 'nb' });
		const context = await browser.newContext({
			viewport: { width: 1024, height: 768 },
			hasTouch: true,
			locale: 'nb-NO'
		});
		const page = await context.newPage();
		await page.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(page);

		const box = (selector: string) =>
			page.locator(selector).evaluate((el): Box => {
				const r = el.getBoundingClientRect();
				return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
			});
		const themes = await box('[data-testid="themes"]');
		const join = await box('.side > .card:first-child');
		const code = await box('[data-testid="join-code"]');

		// the themes start on the first screen, beside the controls, not under them
		expect(themes.top).toBeLessThan(768 / 2);
		expect(themes.left).toBeGreaterThan(1024 / 4);
		// the controls' cards stay left of the themes, and the join code inside its card
		const cards = await page
			.locator('.side > *')
			.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right));
		for (const right of cards) expect(right).toBeLessThanOrEqual(themes.left);
		expect(code.right).toBeLessThanOrEqual(join.right);
		// nothing scrolls sideways
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await context.close();
	});
});
