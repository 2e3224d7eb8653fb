import { describe, expect, it } from 'vitest';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';
import { analyze } from '../../../src/lib/server/clustering/analyze';
import { createRng } from '../../../src/lib/server/clustering/prng';
import { adjustedRand } from './ari';
import { liveEngine, loadFixture, themeOfEach } from './helpers';

const fixture = loadFixture();
const ids = fixture.map((f) => f.id);
const gold = fixture.map((f) => f.gold);
const k = new Set(gold).size;

/** Groups inputs by their first content word, the obvious thing to do without an engine. */
function firstKeywordBaseline(): string[] {
	return fixture.map(
		(f) => analyze(f.text, { fallbackLang: 'nb', known: () => false }).terms[0] ?? '-'
	);
}

function randomBaseline(seed: number): string[] {
	const rng = createRng(seed);
	return fixture.map(() => String(Math.floor(rng() * k)));
}

describe('quality on a labelled workshop fixture (nb + en)', () => {
	const baseline = Math.max(
		adjustedRand(gold, firstKeywordBaseline()),
		...[1, 2, 3].map((s) => adjustedRand(gold, randomBaseline(s)))
	);

	it('batch with k beats the baselines by a clear margin', () => {
		const e = new ThemeEngine({ k });
		for (const f of fixture) e.add(f, { place: false });
		e.refine({ cold: true });
		const ari = adjustedRand(gold, themeOfEach(e, ids));
		expect(ari).toBeGreaterThan(baseline + 0.2);
	});

	it('batch choosing k itself beats the baselines', () => {
		const e = new ThemeEngine();
		for (const f of fixture) e.add(f, { place: false });
		e.refine({ cold: true });
		expect(adjustedRand(gold, themeOfEach(e, ids))).toBeGreaterThan(baseline + 0.1);
		expect(e.themes().length).toBeGreaterThanOrEqual(k / 2);
		expect(e.themes().length).toBeLessThanOrEqual(k * 2);
	});

	it('the live path beats the baselines', () => {
		const e = liveEngine(fixture);
		expect(adjustedRand(gold, themeOfEach(e, ids))).toBeGreaterThan(baseline + 0.1);
	});
});
