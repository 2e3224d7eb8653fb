import type { WorkshopRun } from './workshop-eval.ts';

// The workshop corpus as markdown: one row per session (means over the engine seeds, each
// seed's ARI beside them), then the means over all sessions against the targets.

const f2 = (v: number) => v.toFixed(2);
const pct = (v: number, digits = 0) => `${(100 * v).toFixed(digits)}%`;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export function workshopLines(runs: WorkshopRun[], seeds: number[]): string[] {
	const sessions = [...new Set(runs.map((r) => r.session))];
	const of = (session: string, seeded: boolean) =>
		runs.filter((r) => r.session === session && r.seeded === seeded);
	const lines = [
		'## Workshop sessions',
		'',
		'The corpus in `bench/workshops/`, run as the app runs a session: live, inputs one at a time in',
		'the typed order, a refinement whenever one is due and one after the last input, with the',
		`workshop's question given. Means over engine seeds ${seeds.join(', ')}. "Label hits": share of gold themes whose`,
		'best-matching theme (the one holding most of its inputs) carries an acceptable label word.',
		'"Label changes": label changes per theme over the session (a trace point after every',
		'refinement); "twice": themes relabelled two times or more; "back": themes that returned to an',
		'earlier label. "Seeded": every gold theme given as a seed theme before the first input (its',
		'label, its accepted words as keywords); "naming → seed": inputs that name exactly one seed',
		"theme's label or keyword, and the share of them that landed in that seed.",
		'',
		'| session | inputs | themes / gold | unsorted | ARI | ARI per seed | label hits | label changes | twice · back | seeded ARI | seeded ARI per seed | naming → seed |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const s of sessions) {
		const p = of(s, false);
		const q = of(s, true);
		const naming = q.reduce((a, r) => a + (r.naming ?? 0), 0);
		const home = q.reduce((a, r) => a + (r.namingHome ?? 0), 0);
		lines.push(
			`| ${s} | ${p[0].inputs} | ${mean(p.map((r) => r.themes)).toFixed(1)} / ${p[0].goldThemes} | ${pct(mean(p.map((r) => r.unsorted)))} | **${f2(mean(p.map((r) => r.ari)))}** | ${p.map((r) => f2(r.ari)).join(' · ')} | ${pct(mean(p.map((r) => r.labelHits)))} | ${f2(mean(p.map((r) => r.labelChanges)))} | ${mean(p.map((r) => r.relabelledTwice)).toFixed(1)} · ${mean(p.map((r) => r.returned)).toFixed(1)} | **${f2(mean(q.map((r) => r.ari)))}** | ${q.map((r) => f2(r.ari)).join(' · ')} | ${naming ? pct(home / naming) : '–'} (${home}/${naming}) |`
		);
	}
	const plain = runs.filter((r) => !r.seeded);
	const seeded = runs.filter((r) => r.seeded);
	const naming = seeded.reduce((a, r) => a + (r.naming ?? 0), 0);
	const home = seeded.reduce((a, r) => a + (r.namingHome ?? 0), 0);
	const countOff = mean(plain.map((r) => Math.abs(r.themes - r.goldThemes) / r.goldThemes));
	const worstOff = Math.max(...plain.map((r) => Math.abs(r.themes - r.goldThemes) / r.goldThemes));
	const check = (ok: boolean) => (ok ? 'met' : '**not met**');
	const ari = mean(plain.map((r) => r.ari));
	const sari = mean(seeded.map((r) => r.ari));
	const uns = mean(plain.map((r) => r.unsorted));
	const hits = mean(plain.map((r) => r.labelHits));
	const changes = mean(plain.map((r) => r.labelChanges));
	const twice = plain.reduce((a, r) => a + r.relabelledTwice, 0);
	lines.push(
		'',
		'### Workshop sessions against the targets',
		'',
		'Means over all sessions and seeds.',
		'',
		'| measure | value | target | |',
		'| --- | --- | --- | --- |',
		`| live ARI, no seeds | ${f2(ari)} | ≥ 0.60 | ${check(ari >= 0.6)} |`,
		`| live ARI, every gold theme seeded | ${f2(sari)} | ≥ 0.80 | ${check(sari >= 0.8)} |`,
		`| themes vs gold count, mean (worst) deviation | ${pct(countOff)} (${pct(worstOff)}) | within ±30 % | ${check(worstOff <= 0.3)} |`,
		`| unsorted share | ${pct(uns, 1)} | ≤ 5 % | ${check(uns <= 0.05)} |`,
		`| label hit rate | ${pct(hits)} | ≥ 85 % | ${check(hits >= 0.85)} |`,
		`| label changes per theme (themes relabelled twice, all runs) | ${f2(changes)} (${twice}) | ≤ 0.2, none twice | ${check(changes <= 0.2 && twice === 0)} |`,
		`| inputs naming a seed that land in it | ${naming ? pct(home / naming, 1) : '–'} | ≥ 90 % | ${check(naming > 0 && home / naming >= 0.9)} |`
	);
	return lines;
}
