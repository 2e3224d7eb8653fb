// npx tsx scripts/lexicon/build-nb-morph.ts <spacy-lookups-data snapshot (git dir)>
// Derives data/nb-morph.ts (Bokmål full forms → base form and part of speech) from the
// Norsk ordbank extract that explosion/spacy-lookups-data shipped as nb_lemma_exc.json.gz
// (CC BY 4.0, see nb_license.txt beside it).
//
// Format of the payload, one line each:
//   line 1: the rules, `|`-separated; a rule turns a lemma into a form: `=` (the lemma itself),
//           `suffix` (appended), or `removed>added` (the lemma's ending `removed` becomes `added`)
//   line 2: the paradigms, `|`-separated; a paradigm is a `,`-separated list of rule numbers (base 36)
//   then one line per lemma, sorted and front-coded (see frontCode), followed by a tab and one or
//   more entries `<pos><paradigm number, base 36>` separated by tabs; pos is n(oun), v(erb),
//   a(djective) or o(ther).
import {
	frontCode,
	gitShow,
	gunzip,
	isPlainWord,
	sharedPrefix,
	usage,
	writeDataModule
} from './common.ts';

const COMMIT = '354fee9ee352d61cb3e2986fbba64197aebc87fd';
const FILE = 'spacy_lookups_data/data/nb_lemma_exc.json.gz';

const gitDir =
	process.argv[2] ??
	usage('usage: npx tsx scripts/lexicon/build-nb-morph.ts <spacy-lookups-data git dir>');
const licence = gitShow(gitDir, COMMIT, 'spacy_lookups_data/data/nb_license.txt').toString('utf8');
if (!licence.includes('CC-BY')) throw new Error('nb_license.txt no longer says CC-BY');
const exc = JSON.parse(gunzip(gitShow(gitDir, COMMIT, FILE)).toString('utf8')) as Record<
	string,
	Record<string, string[]>
>;

const POS: Record<string, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'o' };
// lemma → pos → forms
const table = new Map<string, Map<string, Set<string>>>();
function add(lemma: string, pos: string, form: string): void {
	let byPos = table.get(lemma);
	if (!byPos) table.set(lemma, (byPos = new Map()));
	let forms = byPos.get(pos);
	if (!forms) byPos.set(pos, (forms = new Set()));
	forms.add(form);
}
for (const [tag, pos] of Object.entries(POS)) {
	for (const [rawForm, lemmas] of Object.entries(exc[tag] ?? {})) {
		const form = rawForm.toLowerCase();
		for (const rawLemma of lemmas) {
			const lemma = rawLemma.toLowerCase();
			if (!isPlainWord(form) || !isPlainWord(lemma)) continue;
			if (lemma.startsWith('-') || lemma.endsWith('-')) continue; // affixes
			add(lemma, pos, form);
		}
	}
}

// The extract files participles as adjectives under the verb's infinitive ("ansatt" → "ansette"):
// such a paradigm lacks the lemma itself, and belongs with the verb.
let participles = 0;
for (const [lemma, byPos] of table) {
	const adj = byPos.get('a');
	const verb = byPos.get('v');
	if (adj && verb && !adj.has(lemma)) {
		for (const f of adj) verb.add(f);
		byPos.delete('a');
		participles++;
	}
}

// Rules and paradigms.
const ruleIds = new Map<string, number>();
const rules: string[] = [];
function ruleOf(lemma: string, form: string): number {
	let r: string;
	if (lemma === form) r = '=';
	else {
		const k = sharedPrefix(lemma, form);
		const removed = lemma.slice(k);
		const added = form.slice(k);
		r = removed ? `${removed}>${added}` : added;
	}
	let id = ruleIds.get(r);
	if (id === undefined) {
		ruleIds.set(r, (id = rules.length));
		rules.push(r);
	}
	return id;
}
const paradigmCount = new Map<string, number>();
const entries: { lemma: string; pos: string; paradigm: string }[] = [];
for (const [lemma, byPos] of table) {
	for (const [pos, forms] of byPos) {
		const ids = [...new Set([...forms].map((f) => ruleOf(lemma, f)))].sort((a, b) => a - b);
		const paradigm = ids.join(',');
		paradigmCount.set(paradigm, (paradigmCount.get(paradigm) ?? 0) + 1);
		entries.push({ lemma, pos, paradigm });
	}
}
// Number rules and paradigms by use, so the common ones get the short numbers.
const ruleUse = new Array<number>(rules.length).fill(0);
for (const [p, n] of paradigmCount) for (const id of p.split(',')) ruleUse[Number(id)] += n;
const ruleOrder = rules.map((_, i) => i).sort((a, b) => ruleUse[b] - ruleUse[a] || a - b);
const ruleRank = new Array<number>(rules.length);
ruleOrder.forEach((old, i) => (ruleRank[old] = i));
const recode = (p: string) =>
	p
		.split(',')
		.map((id) => ruleRank[Number(id)])
		.sort((a, b) => a - b)
		.map((n) => n.toString(36))
		.join(',');
const paradigms = [...paradigmCount.entries()].sort(
	(a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)
);
const paradigmRank = new Map(paradigms.map(([p], i) => [p, i]));

const byLemma = new Map<string, string[]>();
for (const e of entries) {
	const list = byLemma.get(e.lemma) ?? [];
	list.push(e.pos + paradigmRank.get(e.paradigm)!.toString(36));
	byLemma.set(e.lemma, list);
}
const lemmas = [...byLemma.keys()].sort();
const coded = frontCode(lemmas);
const lines = [
	ruleOrder.map((old) => rules[old]).join('|'),
	paradigms.map(([p]) => recode(p)).join('|'),
	...lemmas.map((l, i) => `${coded[i]}\t${byLemma.get(l)!.sort().join('\t')}`)
];
const counts = { n: 0, v: 0, a: 0, o: 0 } as Record<string, number>;
for (const e of entries) counts[e.pos]++;
console.log(
	`${lemmas.length} lemmas (${JSON.stringify(counts)}), ${rules.length} rules, ${paradigms.length} paradigms, ${participles} participle paradigms moved to verbs`
);
writeDataModule(
	'nb-morph',
	[
		'Bokmål full forms: base forms and parts of speech.',
		'Derived from Norsk ordbank - bokmål 2005 (2018-06-27 update), © University of Bergen and',
		'Språkrådet, published by Språkbanken at the National Library of Norway under CC BY 4.0',
		'(https://creativecommons.org/licenses/by/4.0/), via the extract nb_lemma_exc.json.gz in',
		`explosion/spacy-lookups-data at commit ${COMMIT}.`,
		'Changed: lower-cased, re-encoded as paradigms, participles filed under their verbs. See THIRD-PARTY.md.'
	],
	lines.join('\n')
);
