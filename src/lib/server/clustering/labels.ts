import { isMeaningTerm, type InputFeatures } from './analyze';
import { conceptLexicon } from './concept-lexicon';
import { labelForm, specificity } from './word-knowledge';
import { LABELS } from './params';
import type { Lang } from './language';

/** A label a theme could carry, with how well it names the theme's inputs. */
export interface LabelCandidate {
	label: string;
	score: number;
}

export interface LabelContext {
	/** document frequency of a term over the whole workshop, and the number of inputs */
	df: (term: string) => number;
	docs: number;
	/** the workshop's language */
	lang: Lang;
	/** lower-cased words and base forms of the workshop's question: they describe every input */
	question: ReadonlySet<string>;
	/** words typed as acronyms anywhere in the workshop (shown in capitals) */
	acronyms: ReadonlySet<string>;
}

const KEYWORDS = 5;

/**
 * What a facilitator would write on the sticky note: a noun or noun phrase in base form, in the
 * language of the theme's inputs. Candidates are the theme's own typed nouns, compounds and
 * two-word phrases, and the names of the concepts and topics its inputs belong to; each scores
 * by class-based TF-IDF (the share of the theme's inputs that carry it × how rare it is in the
 * workshop as a whole). Bare adjectives, verbs, words common in any text and words of the
 * question never name a theme. Ranked best first.
 */
export function labelCandidates(
	members: readonly InputFeatures[],
	ctx: LabelContext
): LabelCandidate[] {
	const n = members.length;
	if (!n) return [];
	const english = members.filter((f) => f.lang === 'en').length;
	const lang: Lang = english > LABELS.englishShare * n ? 'en' : ctx.lang;
	const carriers = new Map<string, number>();
	const forms = new Map<string, Map<string, number>>();
	for (const f of members) {
		for (const t of new Set(f.terms)) carriers.set(t, (carriers.get(t) ?? 0) + 1);
		f.surfaceTerms.forEach((t, i) => {
			if (isMeaningTerm(t)) return;
			const form = labelForm(f.surfaces[i], f.lang, ctx.acronyms);
			if (!form) return;
			let m = forms.get(t);
			if (!m) forms.set(t, (m = new Map()));
			// typed in the theme's language counts more: a Norwegian screen shows Norwegian
			const key = `${f.lang}\u0000${form}`;
			m.set(key, (m.get(key) ?? 0) + 1);
		});
	}
	const lex = conceptLexicon();
	const out = new Map<string, number>();
	const offer = (label: string, score: number) => {
		if (!label || score <= 0 || namesQuestion(label, ctx.question)) return;
		const key = label.toLowerCase();
		if ((out.get(key) ?? 0) < score) out.set(key, score);
	};
	const display = new Map<string, string>();
	for (const [t, count] of carriers) {
		if (count < Math.min(2, n)) continue;
		const coverage = count / n;
		const rarity = Math.log(1 + ctx.docs / Math.max(1, ctx.df(t)));
		let label = '';
		let weight = 0;
		if (t.startsWith('~')) {
			const c = lex.concept(t.slice(1));
			if (c) [label, weight] = [c.label[lang], LABELS.concept];
		} else if (t.startsWith('^')) {
			const topic = lex.topics.get(t.slice(1));
			if (topic) [label, weight] = [topic.label[lang], LABELS.topic];
		} else {
			const best = bestForm(forms.get(t), lang);
			if (!best) continue;
			label = best.form;
			const spec = t.includes('_')
				? Math.min(...best.form.split(' ').map((w) => specificity(w, best.lang)))
				: specificity(best.form, best.lang);
			// words common in any text ("alt", "tid", "one") never name a theme
			if (spec < LABELS.minSpecificity && !ctx.acronyms.has(best.form.toLowerCase())) continue;
			weight =
				(t.includes('_') ? LABELS.phrase : LABELS.word) *
				spec *
				(best.lang === lang || ctx.acronyms.has(best.form.toLowerCase())
					? 1
					: LABELS.otherLanguage);
		}
		if (!label) continue;
		const cased = label.charAt(0).toUpperCase() + label.slice(1);
		display.set(cased.toLowerCase(), cased);
		offer(cased, weight * coverage * rarity);
	}
	return [...out]
		.map(([key, score]) => ({ label: display.get(key)!, score }))
		.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

export function keywordsOf(members: readonly InputFeatures[], ctx: LabelContext): string[] {
	const tf = new Map<string, number>();
	const spec = new Map<string, number>();
	const surfaces = new Map<string, Map<string, number>>();
	for (const f of members) {
		f.terms.forEach((t, i) => {
			if (isMeaningTerm(t) || t.includes('_')) return;
			tf.set(t, (tf.get(t) ?? 0) + f.weights[i]);
			spec.set(t, Math.max(spec.get(t) ?? 0, f.spec[i] ?? 1));
		});
		f.surfaceTerms.forEach((t, i) => {
			let m = surfaces.get(t);
			if (!m) surfaces.set(t, (m = new Map()));
			m.set(f.surfaces[i], (m.get(f.surfaces[i]) ?? 0) + 1);
		});
	}
	const score = (t: string) =>
		(tf.get(t) ?? 0) * (spec.get(t) ?? 1) * Math.log(1 + ctx.docs / Math.max(1, ctx.df(t)));
	const out: string[] = [];
	// words common in any text ("ganger", "ingenting") say nothing about why inputs belong together
	const telling = [...tf.keys()].filter((t) => (spec.get(t) ?? 1) >= LABELS.minSpecificity);
	for (const t of telling.sort((a, b) => score(b) - score(a) || a.localeCompare(b))) {
		const m = surfaces.get(t);
		if (!m) continue;
		const s = [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
		if (!out.includes(s) && !ctx.question.has(s.toLowerCase())) out.push(s);
		if (out.length >= KEYWORDS) break;
	}
	return out;
}

function bestForm(
	m: Map<string, number> | undefined,
	lang: Lang
): { form: string; lang: Lang } | null {
	if (!m) return null;
	let best: { form: string; lang: Lang; n: number } | null = null;
	for (const [key, count] of m) {
		const [l, form] = key.split('\u0000') as [Lang, string];
		const n = count * (l === lang ? 1 : LABELS.otherLanguage);
		if (!best || n > best.n || (n === best.n && form < best.form)) best = { form, lang: l, n };
	}
	return best;
}

/** A label made only of words of the question ("Produksjon" when the question asks about it). */
function namesQuestion(label: string, question: ReadonlySet<string>): boolean {
	const words = label
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w && w !== 'og' && w !== 'and');
	return words.length > 0 && words.every((w) => question.has(w));
}

/**
 * Why an input sits in its theme, strongest ties first: each of its words that ties it there,
 * as typed when the theme shares the word itself, or with the concept (else the topic) it shares
 * through it when the words differ ("verksted → Reparasjon").
 */
export function sharedTerms(
	input: InputFeatures,
	others: readonly InputFeatures[],
	lang: Lang
): string[] {
	const count = new Map<string, number>();
	for (const f of others) for (const t of new Set(f.terms)) count.set(t, (count.get(t) ?? 0) + 1);
	const lex = conceptLexicon();
	// per typed word: its strongest tie (2 concept, 1 the word itself, 0 topic) and how shared
	const ties = new Map<string, { text: string; rank: number; shared: number }>();
	input.surfaceTerms.forEach((t, i) => {
		const shared = count.get(t);
		if (!shared || t.includes('_')) return;
		const surface = input.surfaces[i];
		let text = surface;
		let rank = 1;
		if (t.startsWith('~') || t.startsWith('^')) {
			const name = t.startsWith('~')
				? lex.concept(t.slice(1))?.label[lang]
				: lex.topics.get(t.slice(1))?.label[lang];
			if (!name) return;
			text = `${surface} → ${name}`;
			rank = t.startsWith('~') ? 2 : 0;
		}
		const cur = ties.get(surface);
		if (!cur || rank > cur.rank || (rank === cur.rank && shared > cur.shared))
			ties.set(surface, { text, rank, shared });
	});
	return [...ties.values()]
		.sort((a, b) => b.shared - a.shared || b.rank - a.rank || a.text.localeCompare(b.text))
		.slice(0, EXPLAIN_MAX)
		.map((x) => x.text);
}

const EXPLAIN_MAX = 6;
