import { ThemeEngine } from '../../src/lib/server/clustering/index.ts';
import type { Lang, SeedTheme } from '../../src/lib/server/clustering/index.ts';

export interface ClusterOptions {
	k?: number;
	mode: 'batch' | 'live';
	lang: Lang | 'auto';
	/** seed of the engine's random choices (k-means seeding); the same seed gives the same output */
	seed?: number;
	/** seed themes given before the first input, as a facilitator would */
	seeds?: SeedTheme[];
	/** the workshop's question (its words never name a theme) */
	question?: string;
}

/** The themes after one refinement (and at the end), as `--trace` writes them. */
export interface TracePoint {
	after: number;
	themes: { id: string; label: string; size: number }[];
}

export interface ClusterRun {
	/** one [themeId, label] per input, '-' for unsorted */
	rows: [string, string][];
	/** live mode: churn of each refinement */
	churn: number[];
	/** the themes after every live refinement and at the end */
	trace: TracePoint[];
	ms: number;
}

/**
 * Exactly what `npm run cluster` does, callable in-process by the eval. Live mode runs as the
 * app does: inputs one at a time in the given order, a refinement whenever one is due, and one
 * after the last input (the app's quiet-moment refinement).
 */
export function runCluster(texts: string[], opts: ClusterOptions): ClusterRun {
	const t0 = performance.now();
	const engine = new ThemeEngine({
		lang: opts.lang,
		k: opts.k,
		seed: opts.seed ?? 1,
		question: opts.question
	});
	for (const s of opts.seeds ?? []) engine.addSeed(s);
	const churn: number[] = [];
	const trace: TracePoint[] = [];
	const record = (after: number) =>
		trace.push({
			after,
			themes: engine.themes().map((t) => ({ id: t.id, label: t.label, size: t.inputIds.length }))
		});
	if (opts.mode === 'batch') {
		texts.forEach((text, i) => engine.add({ id: String(i), text }, { place: false }));
		engine.refine({ cold: true });
		record(texts.length);
	} else {
		texts.forEach((text, i) => {
			engine.add({ id: String(i), text });
			if (engine.refineDue()) {
				churn.push(engine.refine().churn);
				record(i + 1);
			}
		});
		if (texts.length) {
			churn.push(engine.refine().churn);
			record(texts.length);
		}
	}
	const labels = new Map(engine.themes().map((t) => [t.id, t.label]));
	const rows = texts.map((_, i): [string, string] => {
		const theme = engine.themeOf(String(i));
		return theme === null ? ['-', ''] : [theme, labels.get(theme) ?? ''];
	});
	return { rows, churn, trace, ms: performance.now() - t0 };
}

export function readTexts(content: string, tsv: boolean): string[] {
	const lines = content.split('\n');
	if (lines.length && lines[lines.length - 1] === '') lines.pop();
	return lines.map((l) => (tsv ? (l.split('\t')[1] ?? '') : l).replace(/\r$/, ''));
}
