// npm run --silent cluster -- --input FILE [--tsv] [--k N] [--mode batch|live] [--lang nb|en|auto] [--seed N]
// Writes one line per input: <themeId>\t<themeLabel> ("-" for an unsorted input).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readTexts, runCluster } from './lib/run-cluster.ts';

const { values } = parseArgs({
	options: {
		input: { type: 'string' },
		tsv: { type: 'boolean', default: false },
		k: { type: 'string' },
		mode: { type: 'string', default: 'batch' },
		lang: { type: 'string', default: 'auto' },
		seed: { type: 'string', default: '1' }
	}
});

const mode = values.mode;
const lang = values.lang;
const k = values.k === undefined ? undefined : Number(values.k);
const seed = Number(values.seed);
if (
	!values.input ||
	(mode !== 'batch' && mode !== 'live') ||
	(lang !== 'nb' && lang !== 'en' && lang !== 'auto') ||
	(k !== undefined && !(Number.isInteger(k) && k >= 1)) ||
	!(Number.isInteger(seed) && seed >= 0)
) {
	console.error(
		'usage: npm run --silent cluster -- --input FILE [--tsv] [--k N] [--mode batch|live] [--lang nb|en|auto] [--seed N]'
	);
	process.exit(2);
}

const texts = readTexts(readFileSync(values.input, 'utf8'), values.tsv);
const run = runCluster(texts, { k, mode, lang, seed });
process.stdout.write(
	run.rows.map(([id, label]) => `${id}\t${label}`).join('\n') + (run.rows.length ? '\n' : '')
);
const themes = new Set(run.rows.map(([id]) => id).filter((id) => id !== '-')).size;
const meanChurn = run.churn.length ? run.churn.reduce((a, b) => a + b, 0) / run.churn.length : 0;
console.error(
	`cluster: ${texts.length} inputs, ${themes} themes, ${run.ms.toFixed(0)} ms` +
		(mode === 'live'
			? `, ${run.churn.length} refinements, mean churn ${(100 * meanChurn).toFixed(1)}%`
			: '')
);
