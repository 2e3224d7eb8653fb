import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumPath, withServerAndBrowser, screenContext, hydrated } from '../helpers/browser';
import { connect, createWorkshop, request } from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';

const available = chromiumPath() !== null || process.env.CI === 'true';
const SERVER = { timeout: 15_000 };

describe.runIf(available)('the projector once the votes are shown', () => {
	const env = withServerAndBrowser();

	it('ranks the themes by dots, and says which number is dots and which inputs', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Kompetansegruppa', language: 'nb' });
		const facilitator = await connect(server.url, {
			code: created.code,
			token: created.facilitatorToken
		});
		const seed = await connect(server.url, { code: created.code });
		const grouped = themesSettled(facilitator.socket, 3);
		for (const text of THREE_TOPICS)
			await request(seed.socket, 'input:submit', { id: randomUUID(), text });
		const snapshot = await grouped;
		await request(facilitator.socket, 'voting:configure', { dots: 3, allowStacking: true });
		await request(facilitator.socket, 'workshop:set-phase', { phase: 'voting' });
		// the theme ranked last by its inputs gets every dot: by votes it comes first
		const byInputs = [...snapshot.themes].sort((a, b) => b.inputIds.length - a.inputIds.length);
		const smallest = byInputs[byInputs.length - 1];
		for (let i = 0; i < 3; i++)
			await request(seed.socket, 'vote:cast', { id: randomUUID(), themeId: smallest.id });

		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(
			`${server.url}/${created.code}/projector?key=${created.facilitatorToken}&layout=list`
		);
		await hydrated(projector);
		const items = projector.getByTestId('projector-list').locator('li');
		await expect.poll(() => items.count(), SERVER).toBeGreaterThanOrEqual(3);
		await expect.poll(() => items.first().textContent(), SERVER).toContain(smallest.label);
		expect(await items.first().textContent()).toMatch(/3 prikker/);
		expect(await items.first().textContent()).toMatch(/\d+ innspill/);
		facilitator.socket.close();
		seed.socket.close();
	});
});
