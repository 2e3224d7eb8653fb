import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	hydrated,
	phoneContext,
	screenContext,
	withServerAndBrowser
} from '../helpers/browser';
import { connect, createWorkshop, request } from '../helpers/clients';

const available = chromiumPath() !== null || process.env.CI === 'true';

const LONG_TITLE =
	'Bedriftsbesøk hos Verksted AS med omvisning i produksjonslokalene, lunsj og en runde med spørsmål';

describe.runIf(available)('the annual plan in the browser', () => {
	const env = withServerAndBrowser();

	it('a board member dates an activity and the plan shows it with the year, in calendar order', async () => {
		const { server, browser } = env;
		const created = await createWorkshop(server.url, { title: 'Årsplan', language: 'nb' });
		const board = await (await screenContext(browser)).newPage();
		await board.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(board);
		const plan = board.getByTestId('plan');
		const rows = plan.locator('tbody tr');

		const ids: string[] = [];
		for (const title of [LONG_TITLE, 'Frokostmøte om prosjektstyring']) {
			await board.getByPlaceholder('Aktivitet').fill(title);
			await board.getByRole('button', { name: 'Legg til aktivitet' }).click();
			await expect.poll(() => rows.count()).toBe(ids.length + 1);
			const all = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.activityId!));
			ids.push(all.find((id) => !ids.includes(id))!);
		}
		const visit = plan.locator(`tr[data-activity-id="${ids[0]}"]`);
		const breakfast = plan.locator(`tr[data-activity-id="${ids[1]}"]`);

		// A month: the year follows, this year in Oslo unless someone picks another.
		await visit.getByLabel('Måned').selectOption('3');
		await expect.poll(() => visit.getByTestId('when').textContent()).toMatch(/^mars \d{4}$/);
		await visit.getByLabel('År').selectOption({ index: 3 });
		const year = Number(await visit.getByLabel('År').inputValue());
		await expect.poll(() => visit.getByTestId('when').textContent()).toBe(`mars ${year}`);

		// A day: it reads back with its year, and the row moves before the March visit.
		await breakfast.getByLabel('Dato').fill(`${year}-02-11`);
		await expect
			.poll(() => breakfast.getByTestId('when').textContent())
			.toBe(`11. februar ${year}`);
		expect(await breakfast.getByLabel('Måned').inputValue()).toBe('2');
		expect(await breakfast.getByLabel('Kvartal').inputValue()).toBe('1');
		await expect
			.poll(() => rows.locator('[data-testid=when]').allTextContents())
			.toEqual([`11. februar ${year}`, `mars ${year}`]);

		// The long title is all there: its box grew instead of hiding the end.
		const title = visit.getByLabel('Aktivitet');
		expect(await title.inputValue()).toBe(LONG_TITLE);
		const box = await title.evaluate((el) => ({
			width: el.clientWidth,
			height: el.clientHeight,
			neededWidth: el.scrollWidth,
			neededHeight: el.scrollHeight,
			line: parseFloat(getComputedStyle(el).lineHeight)
		}));
		expect(box.neededWidth).toBeLessThanOrEqual(box.width);
		expect(box.neededHeight).toBeLessThanOrEqual(box.height);
		expect(box.height).toBeGreaterThan(2 * box.line);

		// Typing goes on while another member moves the row: the order holds until the field is left.
		const other = await connect(server.url, { code: created.code, token: created.boardToken });
		await breakfast.getByLabel('Vert').click();
		await board.keyboard.type('Verksted');
		await request(other.socket, 'board:activity-save', { id: ids[0], date: `${year}-01-15` });
		await expect.poll(() => visit.getByTestId('when').textContent()).toBe(`15. januar ${year}`);
		await board.keyboard.type(' AS');
		expect(await breakfast.getByLabel('Vert').inputValue()).toBe('Verksted AS');
		await board.locator('#plan-title').click();
		await expect
			.poll(() => rows.locator('[data-testid=when]').allTextContents())
			.toEqual([`15. januar ${year}`, `11. februar ${year}`]);
		other.socket.close();

		// The same plan on a phone: every activity a card, nothing to scroll sideways.
		const phone = await (await phoneContext(browser)).newPage();
		await phone.goto(`${server.url}/${created.code}/board?key=${created.boardToken}`);
		await hydrated(phone);
		await expect
			.poll(() => phone.getByTestId('when').allTextContents())
			.toEqual([`15. januar ${year}`, `11. februar ${year}`]);
		const width = await phone.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
	});
});
