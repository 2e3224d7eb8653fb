import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ThemesSnapshot } from '../../src/lib/shared/types';
import {
	connect,
	createWorkshop,
	exportWorkshop,
	request,
	type CreatedWorkshop,
	type TestSocket
} from '../helpers/clients';
import { THREE_TOPICS, themesSettled } from '../helpers/fixtures';
import { pngSize } from '../helpers/png';
import { startServer, type RunningServer } from '../helpers/server';
import { bubbles, parseSvg } from '../helpers/svg';

const HOSTILE_LABEL = '<script>alert("kart")</script> & «Co»';

describe('the theme map as SVG and PNG, and in the mandate draft', () => {
	let server: RunningServer;
	let workshop: CreatedWorkshop;
	let facilitator: TestSocket;
	let themes: ThemesSnapshot;
	const get = (file: string, token?: string) =>
		fetch(`${server.url}/api/workshops/${workshop.code}/${file}`, {
			headers: token ? { authorization: `Bearer ${token}` } : {}
		});

	beforeAll(async () => {
		server = await startServer();
		workshop = await createWorkshop(server.url, {
			title: 'Kart',
			prompt: 'Hva bør nettverket jobbe med i året som kommer?',
			language: 'nb'
		});
		facilitator = (
			await connect(server.url, { code: workshop.code, token: workshop.facilitatorToken })
		).socket;
		const phone = await connect(server.url, { code: workshop.code });
		const ready = themesSettled(facilitator, 3);
		for (const text of THREE_TOPICS)
			await request(phone.socket, 'input:submit', { id: randomUUID(), text });
		themes = await ready;
		// a label with markup in it, as a facilitator could type
		const renamed = await request<{ ok: boolean; themes: ThemesSnapshot }>(
			facilitator,
			'theme:act',
			{ type: 'rename', themeId: themes.themes[0].id, label: HOSTILE_LABEL }
		);
		expect(renamed.ok).toBe(true);
		themes = renamed.themes;
		// two dots, shown at once (results not hidden)
		await request(facilitator, 'voting:configure', { dots: 2, hideResults: false });
		await request(facilitator, 'workshop:set-phase', { phase: 'voting' });
		for (const theme of themes.themes.slice(0, 2))
			expect(
				await request(phone.socket, 'vote:cast', { id: randomUUID(), themeId: theme.id })
			).toMatchObject({ ok: true });
		phone.socket.close();
	});
	afterAll(async () => {
		facilitator?.close();
		await server?.stop();
	});

	it('answers only the facilitator and the board: 401 without a token, 403 for a wrong one or the projector', async () => {
		for (const file of ['map.svg', 'map.png']) {
			expect((await get(file)).status, file).toBe(401);
			expect((await get(file, 'wrong')).status, file).toBe(403);
			expect((await get(file, workshop.projectorToken)).status, file).toBe(403);
		}
		const unknown = await fetch(`${server.url}/api/workshops/ZZZZZZ/map.svg`, {
			headers: { authorization: `Bearer ${workshop.facilitatorToken}` }
		});
		expect(unknown.status).toBe(404);
	});

	it('serves the SVG: well-formed, every label whole, markup escaped, never cached', async () => {
		const res = await get('map.svg', workshop.facilitatorToken);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="innspill-${workshop.code}.svg"`
		);
		const svg = await res.text();
		expect(svg).not.toContain('<script');
		expect(svg).toContain('&lt;script&gt;alert(&quot;kart&quot;)&lt;/script&gt;');
		const picture = parseSvg(svg);
		expect(picture.title['#text']).toBe(
			'Temakart: Hva bør nettverket jobbe med i året som kommer?'
		);
		expect(picture.text[1]['#text']).toBe(`${THREE_TOPICS.length} innspill · 2 prikker`);
		// the map holds still from voting on: these are the themes the picture was drawn from
		const { themes: current } = (await exportWorkshop(
			server.url,
			workshop.code,
			workshop.facilitatorToken
		)) as unknown as ThemesSnapshot;
		const labels = bubbles(picture).map((b) => b.label);
		expect(labels.sort()).toEqual(current.map((t) => t.label).sort());
		expect(labels).toContain(HOSTILE_LABEL);
	});

	it('serves the PNG at 1920×1080', async () => {
		const res = await get('map.png', workshop.boardToken);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('cache-control')).toBe('no-store');
		expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({
			width: 1920,
			height: 1080
		});
	});

	it('puts the map into the mandate draft as a picture', async () => {
		const res = await get('export.docx', workshop.boardToken);
		expect(res.status).toBe(200);
		const zip = await JSZip.loadAsync(await res.arrayBuffer());
		const media = Object.keys(zip.files).filter((name) => /^word\/media\/.+\.png$/.test(name));
		expect(media).toHaveLength(1);
		expect(pngSize(await zip.file(media[0])!.async('uint8array'))).toEqual({
			width: 1920,
			height: 1080
		});
		expect(await zip.file('word/document.xml')!.async('string')).toContain('Temakart');
	});
});
