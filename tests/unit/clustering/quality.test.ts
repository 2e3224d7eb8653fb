import { describe, expect, it } from 'vitest';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';
import { analyze } from '../../../src/lib/server/clustering/analyze';
import { createRng } from '../../../src/lib/server/clustering/prng';
import { adjustedRand } from '../../../scripts/lib/ari';
import { liveEngine, loadFixture, themeOfEach } from './helpers';
import { DEMO_INPUTS } from '../../../scripts/lib/demo-inputs';

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

describe('a small workshop', () => {
	// ten topics of two to four inputs: too few per theme to tell a broad theme from two themes,
	// so only the similarity threshold may merge
	const inputs = DEMO_INPUTS.map((text, i) => ({ id: String(i), text }));
	// six phones typing in turn, a refinement after every three inputs, as in the app
	const order = inputs.map((_, i) => i).sort((a, b) => (a % 6) - (b % 6) || a - b);
	const sizes = (e: ThemeEngine) => e.themes().map((t) => t.inputIds.length);

	it('keeps its topics apart live and after a pass from scratch', () => {
		const e = new ThemeEngine();
		order.forEach((i, n) => {
			e.add(inputs[i]);
			if (n % 3 === 2) e.refine();
		});
		expect(sizes(e).length).toBeGreaterThanOrEqual(5);
		expect(Math.max(...sizes(e))).toBeLessThanOrEqual(inputs.length / 3);
		// as when the facilitator changes the granularity
		e.refine({ cold: true });
		expect(sizes(e).length).toBeGreaterThanOrEqual(5);
		expect(Math.max(...sizes(e))).toBeLessThanOrEqual(0.3 * inputs.length);
	});
});
