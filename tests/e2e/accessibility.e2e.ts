import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumPath, hydrated, withServerAndBrowser } from '../helpers/browser';
import { request } from '../helpers/clients';
import { groupedWorkshop } from '../helpers/fixtures';

const available = chromiumPath() !== null || process.env.CI === 'true';
const SERVER = { timeout: 15_000 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** The page's accessibility violations by axe-core's rules (WCAG 2 A and AA, best practice). */
async function violations(
	browser: Browser,
	url: string,
	viewport: { width: number; height: number },
	ready: string
): Promise<string[]> {
	// axe runs as an injected script: the page's own CSP would refuse it
	const context = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
	const page = await context.newPage();
	await page.goto(url);
	if (ready !== 'none') {
		await hydrated(page);
		await page.waitForSelector(ready, SERVER);
	}
	await page.addScriptTag({ content: AXE });
	const found = (await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (d: Document) => Promise<unknown> } }).axe;
		return ((await axe.run(document)) as { violations: Violation[] }).violations;
	})) as Violation[];
	await context.close();
	return found.map(
		(v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

describe.runIf(available)('accessibility of every page (axe-core)', () => {
	const env = withServerAndBrowser();

	it('the home page, a phone, the control room, the projector, the board and an error page have no violations', async () => {
		const { server, browser } = env;
		const { created, facilitator, seed } = await groupedWorkshop(server.url);
		const phone = { width: 360, height: 740 };
		const screen = { width: 1920, height: 1080 };
		const tablet = { width: 1024, height: 768 };
		const at = (path: string) => `${server.url}${path}`;
		const pages: [string, { width: number; height: number }, string][] = [
			[at('/'), phone, 'form'],
			[at(`/${created.code}`), phone, '#input-text'],
			[
				at(`/${created.code}/facilitator?key=${created.facilitatorToken}`),
				screen,
				'[data-theme-id]'
			],
			[
				at(`/${created.code}/facilitator?key=${created.facilitatorToken}`),
				tablet,
				'[data-theme-id]'
			],
			[at(`/${created.code}/projector?key=${created.projectorToken}`), screen, '[data-theme-id]'],
			[
				at(`/${created.code}/board?key=${created.boardToken}`),
				screen,
				'[data-testid="ranked-themes"] li'
			],
			[at('/QQQQQQ'), phone, 'none']
		];
		for (const [url, viewport, ready] of pages)
			expect(await violations(browser, url, viewport, ready), url).toEqual([]);

		// voting on a phone, and the result on the projector
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });
		expect(await violations(browser, at(`/${created.code}`), phone, '.vote')).toEqual([]);
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'closed' });
		expect(
			await violations(
				browser,
				at(`/${created.code}/projector?key=${created.projectorToken}`),
				screen,
				'[data-testid="projector-results"] li'
			)
		).toEqual([]);
		facilitator.socket.close();
		seed.socket.close();
	});
});
