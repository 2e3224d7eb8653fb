import { describe, expect, it } from 'vitest';
import {
	chromiumPath,
	withServerAndBrowser,
	screenContext,
	hydrated,
	phoneContext,
	snapshot
} from '../helpers/browser';
import { groupedWorkshop } from '../helpers/fixtures';

const available = chromiumPath() !== null || process.env.CI === 'true';
const SERVER = { timeout: 15_000 };

describe.runIf(available)('several questions in one workshop', () => {
	const env = withServerAndBrowser();

	it('the facilitator adds a second question; phone and projector follow, each with its own inputs and themes', async () => {
		const { server, browser } = env;
		const { created, facilitator, seed } = await groupedWorkshop(server.url, 'Oppstart');

		const phone = await (await phoneContext(browser)).newPage();
		await phone.goto(`${server.url}/${created.code}`);
		await hydrated(phone);
		const box = phone.getByRole('textbox').first();
		await box.fill('Vi har for lite tid til opplæring');
		await box.press('Enter');
		await expect.poll(() => phone.locator('ul.mine li').count(), SERVER).toBe(1);

		const projector = await (await screenContext(browser)).newPage();
		await projector.goto(`${server.url}/${created.code}/projector?key=${created.projectorToken}`);
		await hydrated(projector);

		const control = await (await screenContext(browser)).newPage();
		await control.goto(`${server.url}/${created.code}/facilitator?key=${created.facilitatorToken}`);
		await hydrated(control);
		const questions = control.getByTestId('question-control');
		await questions.getByText('Legg til et spørsmål').click();
		await questions.getByLabel('Spørsmålet').fill('Hva bør gruppa gjøre først?');
		await questions.getByLabel('På engelsk (valgfritt)').fill('What should the group do first?');
		await questions.getByRole('button', { name: 'Legg til' }).click();

		// every screen moves to question 2
		await expect
			.poll(() => phone.locator('p.prompt').textContent(), SERVER)
			.toBe('Hva bør gruppa gjøre først?');
		await expect
			.poll(() => projector.locator('body').textContent(), SERVER)
			.toContain('Hva bør gruppa gjøre først?');
		await expect
			.poll(() => projector.getByTestId('projector-question').textContent(), SERVER)
			.toContain('Spørsmål 2 av 2');
		await expect
			.poll(() => control.getByTestId('question-2').textContent(), SERVER)
			.toContain('På skjermen nå');
		// the phone's list is the new question's: empty until it answers
		expect(await phone.locator('ul.mine li').count()).toBe(0);
		await box.fill('Bedriftsbesøk hos hverandre');
		await box.press('Enter');
		await box.fill('Frokostmøter med korte innlegg');
		await box.press('Enter');
		await expect.poll(() => phone.locator('ul.mine li').count(), SERVER).toBe(2);
		// the control room's feed holds the two new inputs, none of the first question's
		await expect
			.poll(() => control.getByTestId('themes').textContent(), SERVER)
			.toContain('Frokostmøter');
		expect(await control.getByTestId('themes').textContent()).not.toContain('prosjektleder');
		await snapshot(control, 'facilitator-questions');
		await snapshot(phone, 'phone-second-question');
		await snapshot(projector, 'projector-second-question');

		// back to question 1: its inputs and map come back on every screen
		await control.getByTestId('question-1').getByRole('button', { name: 'Still dette nå' }).click();
		await expect
			.poll(() => control.getByTestId('themes').textContent(), SERVER)
			.toContain('prosjektleder');
		await expect.poll(() => phone.locator('ul.mine li').count(), SERVER).toBe(1);
		await expect
			.poll(() => projector.locator('body').textContent(), SERVER)
			.not.toContain('Hva bør gruppa gjøre først?');

		// the phone in English reads the question in English
		const english = await (await phoneContext(browser, 'en-GB')).newPage();
		await control.getByTestId('question-2').getByRole('button', { name: 'Still dette nå' }).click();
		await english.goto(`${server.url}/${created.code}`);
		await hydrated(english);
		await expect
			.poll(() => english.locator('p.prompt').textContent(), SERVER)
			.toBe('What should the group do first?');
		facilitator.socket.close();
		seed.socket.close();
	});
});
