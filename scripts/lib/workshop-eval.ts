import { runCluster } from './run-cluster.ts';
import { namingInputs, scoreSession, type SessionScores } from './workshop-scores.ts';
import type { Session } from './workshops.ts';

// The workshop corpus, run as the app runs a session: live, inputs one at a time in the typed
// order, refinements when due and after the last input; once without seeds and once with every
// gold theme given as a seed theme (its label, its accepted words as keywords).

export interface WorkshopRun extends SessionScores {
	session: string;
	seeded: boolean;
	seed: number;
	inputs: number;
	/** seeded runs: inputs naming exactly one seed's label or keyword, and how many landed there */
	naming?: number;
	namingHome?: number;
	ms: number;
}

export function runSession(session: Session, seed: number, seeded: boolean): WorkshopRun {
	const texts = session.inputs.map((i) => i.text);
	const seeds = seeded ? session.themes.map((t) => ({ label: t.label, keywords: t.accept })) : [];
	const question = session.lang === 'en' ? session.question.en : session.question.nb;
	const run = runCluster(texts, { mode: 'live', lang: 'auto', seed, seeds, question });
	const rows = run.rows.map(([id]) => (id === '-' ? null : id));
	const final = run.trace[run.trace.length - 1]?.themes ?? [];
	const labels = new Map(final.filter((t) => t.size > 0).map((t) => [t.id, t.label]));
	// seed themes are created first (t1, t2, … in order) and keep the facilitator's label: it is
	// not the engine's to judge
	const seedTheme = seeds.map((_, i) => `t${i + 1}`);
	const seedIds = new Set(seedTheme);
	const scores = scoreSession(session, rows, labels, run.trace, seedIds);
	const out: WorkshopRun = {
		session: session.id,
		seeded,
		seed,
		inputs: texts.length,
		...scores,
		ms: run.ms
	};
	if (seeded) {
		const named = namingInputs(texts, seeds);
		out.naming = named.length;
		out.namingHome = named.filter((n) => rows[n.input] === seedTheme[n.seed]).length;
	}
	return out;
}
