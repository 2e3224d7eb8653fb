import { ThemeEngine } from '../../src/lib/server/clustering/index.ts';
import type { Lang } from '../../src/lib/server/clustering/index.ts';

export interface ClusterOptions {
	k?: number;
	mode: 'batch' | 'live';
	lang: Lang | 'auto';
	/** seed of the engine's random choices (k-means seeding); the same seed gives the same output */
	seed?: number;
}

export interface ClusterRun {
	/** one [themeId, label] per input, '-' for unsorted */
	rows: [string, string][];
	/** live mode: churn of each refinement */
	churn: number[];
	ms: number;
}

/** Exactly what `npm run cluster` does, callable in-process by the eval. */
export function runCluster(texts: string[], opts: ClusterOptions): ClusterRun {
	const t0 = performance.now();
	const engine = new ThemeEngine({ lang: opts.lang, k: opts.k, seed: opts.seed ?? 1 });
	const churn: number[] = [];
	if (opts.mode === 'batch') {
		texts.forEach((text, i) => engine.add({ id: String(i), text }, { place: false }));
		engine.refine({ cold: true });
	} else {
		texts.forEach((text, i) => {
			engine.add({ id: String(i), text });
			if (engine.refineDue()) churn.push(engine.refine().churn);
		});
	}
	const labels = new Map(engine.themes().map((t) => [t.id, t.label]));
	const rows = texts.map((_, i): [string, string] => {
		const theme = engine.themeOf(String(i));
		return theme === null ? ['-', ''] : [theme, labels.get(theme) ?? ''];
	});
	return { rows, churn, ms: performance.now() - t0 };
}

export function readTexts(content: string, tsv: boolean): string[] {
	const lines = content.split('\n');
	if (lines.length && lines[lines.length - 1] === '') lines.pop();
	return lines.map((l) => (tsv ? (l.split('\t')[1] ?? '') : l).replace(/\r$/, ''));
}
