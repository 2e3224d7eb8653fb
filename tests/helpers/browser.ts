import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from './server';

const CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser'
].filter(Boolean) as string[];

export function chromiumPath(): string | null {
	return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Headless Debian Chromium, with the background traffic a closed network refuses turned off. */
export async function launchChromium(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!executablePath)
		throw new Error('Chromium not found: install Debian `chromium` or set CHROMIUM_PATH.');
	return chromium.launch({
		executablePath,
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage'
		]
	});
}

export function phoneContext(browser: Browser, locale = 'nb-NO'): Promise<BrowserContext> {
	return browser.newContext({
		viewport: { width: 360, height: 740 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		locale
	});
}

export function screenContext(browser: Browser, locale = 'nb-NO'): Promise<BrowserContext> {
	return browser.newContext({ viewport: { width: 1920, height: 1080 }, locale });
}

/** Saves a screenshot under docs/screenshots when SCREENSHOTS=1 (npm run screenshots). */
export async function snapshot(page: Page, name: string): Promise<void> {
	if (process.env.SCREENSHOTS !== '1') return;
	mkdirSync('docs/screenshots', { recursive: true });
	await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** Waits until the page's JavaScript has taken over, so typing is not undone by hydration. */
export async function hydrated(page: Page): Promise<void> {
	await page.waitForSelector('body[data-hydrated="true"]', { timeout: 30_000 });
}

/** The built server and a Chromium, started before a suite's tests and stopped after them. */
export function withServerAndBrowser(): { server: RunningServer; browser: Browser } {
	const env = {} as { server: RunningServer; browser: Browser };
	beforeAll(async () => {
		// browser tests start many workshops from one address; the limit itself has its own test
		env.server = await startServer({ env: { RATE_ADDRESS_WORKSHOPS_BURST: '1000' } });
		env.browser = await launchChromium();
	});
	afterAll(async () => {
		await env.browser?.close();
		await env.server?.stop();
	});
	return env;
}
