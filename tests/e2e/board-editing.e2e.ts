import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumPath, hydrated, screenContext, withServerAndBrowser } from '../helpers/browser';
import { connect, createWorkshop, request } from '../helpers/clients';

const available = chromiumPath() !== null || process.env.CI === 'true';
const SERVER = { timeout: 15_000 };

describe.runIf(available)('board members editing at once', () => {
	const env = withServerAndBrowser();

	it('typing in a focus area goes on while another member reorders the list, and nothing typed is lost', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Styret', language: 'nb' });
		const other = (await connect(server.url, { code: created.code, token: created.boardToken }))
			.socket;
		const [first, second] = [randomUUID(), randomUUID()];
		await request(other, 'board:focus-save', { id: first, title: 'Kompetanse' });
		await request(other, 'board:focus-save', { id: second, title: 'Planlegging' });

		const board = await (await screenContext(browser)).newPage();
		await board.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(board);
		const areas = board.getByTestId('focus-areas').locator('li.area');
		await expect.poll(() => areas.count(), SERVER).toBe(2);
		const description = areas.nth(1).getByLabel('Beskrivelse');
		await description.click();
		await board.keyboard.type('Produksjonsplanen ligger ');
		// meanwhile another member moves this area to the top
		await request(other, 'board:focus-order', { ids: [second, first] });
		await board.waitForTimeout(300);
		await board.keyboard.type('i hodet til formannen');
		await board.getByRole('heading', { name: 'Fokusområder' }).click(); // leave the field
		await expect
			.poll(async () => {
				const saved = await connect(server.url, { code: created.code, token: created.boardToken });
				saved.socket.close();
				return saved.session.board?.focusAreas.find((a) => a.id === second)?.description;
			}, SERVER)
			.toBe('Produksjonsplanen ligger i hodet til formannen');
		// and once left, the list shows the new order
		await expect
			.poll(() => areas.first().getByLabel('Tittel').inputValue(), SERVER)
			.toBe('Planlegging');
		other.close();
	});

	it('when someone else changed the field meanwhile, both texts are shown to keep one', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Styret', language: 'nb' });
		const other = (await connect(server.url, { code: created.code, token: created.boardToken }))
			.socket;
		const board = await (await screenContext(browser)).newPage();
		await board.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(board);
		const purpose = board.getByLabel('Formål');
		await purpose.click();
		await board.keyboard.type('Mitt forslag');
		await request(other, 'board:mandate', {
			purpose: 'Deres forslag',
			base: { purpose: '' },
			editor: 'Bob'
		});
		await board.getByRole('heading', { name: 'Mandat', exact: true }).click();
		const conflict = board.getByTestId('edit-conflict');
		await expect.poll(() => conflict.textContent(), SERVER).toContain('Deres forslag');
		expect(await purpose.inputValue()).toBe('Mitt forslag');
		await conflict.getByRole('button', { name: 'Behold min' }).click();
		await expect.poll(() => conflict.count(), SERVER).toBe(0);
		const saved = await connect(server.url, { code: created.code, token: created.boardToken });
		expect(saved.session.board?.mandate.purpose).toBe('Mitt forslag');
		saved.socket.close();
		other.close();
	});
});
