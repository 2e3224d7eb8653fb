import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/lib/server/clustering/tokenize';
import { detectLanguage } from '../../../src/lib/server/clustering/language';
import { stem } from '../../../src/lib/server/clustering/stem';
import { splitCompound } from '../../../src/lib/server/clustering/compounds';
import { analyze, wordTerm } from '../../../src/lib/server/clustering/analyze';

const words = (text: string) => tokenize(text).map((t) => t.word);
const none = () => false;

describe('tokenize', () => {
	it.each([
		['Møter på tvers av avdelingene', ['møter', 'på', 'tvers', 'av', 'avdelingene']],
		['Økt fokus på årsplan og ÆØÅ', ['økt', 'fokus', 'på', 'årsplan', 'og', 'æøå']],
		['Café naïve Ångström', ['café', 'naïve', 'ångström']],
		['ERP-systemet er tregt', ['erp-systemet', 'er', 'tregt']],
		['se https://example.com/x?y=1 og www.test.no', ['se', 'og']],
		['ring 12345 eller mail ola@firma.no', ['ring', 'eller', 'mail']],
		['🔥🔥 👍', []],
		['', []]
	])('%s', (text, expected) => {
		expect(words(text)).toEqual(expected);
	});

	it('marks short all-caps words as acronyms, unless the whole input shouts', () => {
		expect(tokenize('Vi mangler IT på lageret').find((t) => t.word === 'it')?.acronym).toBe(true);
		expect(tokenize('IT IS BROKEN').some((t) => t.acronym)).toBe(false);
	});
});

describe('language detection', () => {
	it.each([
		['Dårlig kommunikasjon mellom avdelingene', 'nb'],
		['Vi har ikke nok folk på lageret', 'nb'],
		['Prosjektledelse og oppfølging', 'nb'],
		['Poor communication between the departments', 'en'],
		['We lack people in the warehouse', 'en'],
		['There is too much paperwork', 'en'],
		['ERP', null]
	])('%s → %s', (text, lang) => {
		expect(detectLanguage(words(text))).toBe(lang);
	});
});

describe('stemming', () => {
	it.each([
		['møtene', 'nb', 'møter', 'nb'],
		['bestillinger', 'nb', 'bestilling', 'nb'],
		['meetings', 'en', 'meeting', 'en'],
		['machines', 'en', 'machine', 'en']
	] as const)('%s and %s share a stem', (a, la, b, lb) => {
		expect(stem(a, la)).toBe(stem(b, lb));
	});
});

describe('word terms', () => {
	it.each([
		['møtene', 'møter'],
		['dager', 'dag'],
		['leder', 'ledere'],
		['ledelsen', 'ledelse'],
		['svar', 'svare'],
		['maskinene', 'maskin']
	])('%s and %s give one term', (a, b) => {
		expect(wordTerm(a, 'nb')).toBe(wordTerm(b, 'nb'));
	});

	// the stemmer cuts these to another word of the dictionary
	it.each([
		['daglig', 'dager'],
		['ledelse', 'leder'],
		['lager', 'lage']
	])('%s and %s stay apart', (a, b) => {
		expect(wordTerm(a, 'nb')).not.toBe(wordTerm(b, 'nb'));
	});

	it('an input about days and one about the managing director share no term', () => {
		const opts = { fallbackLang: 'nb' as const, known: none };
		const a = analyze('CNC-en har stått i tre dager', opts).terms;
		const b = analyze('daglig leder er også selger', opts).terms;
		expect(a.filter((t) => b.includes(t))).toEqual([]);
	});
});

describe('compound splitting', () => {
	it.each([
		['prosjektledelse', ['prosjekt', 'ledelse']],
		['ledelsesnivå', ['ledelse', 'nivå']],
		['produksjonsplanlegging', ['produksjon', 'planlegging']],
		['kvalitetskontroll', ['kvalitet', 'kontroll']]
	])('%s → %j', (word, parts) => {
		expect(splitCompound(word, none)).toEqual(parts);
	});

	it.each(['kontroll', 'informasjon', 'organisasjon', 'planlegging'])('leaves %s whole', (word) => {
		expect(splitCompound(word, none)).toBeNull();
	});

	it('uses words the workshop has typed on their own', () => {
		expect(splitCompound('kaffemaskin', none)).toBeNull();
		const known = new Set([stem('kaffe', 'nb'), stem('maskin', 'nb')]);
		expect(splitCompound('kaffemaskin', (s) => known.has(s))).toEqual(['kaffe', 'maskin']);
	});
});

describe('features', () => {
	const opts = { fallbackLang: 'nb' as const, known: none };

	it.each([
		['digitalisering', 'nb', 'digitalization', 'en'],
		['prosjektledelse', 'nb', 'project management', 'en'],
		['nedetid', 'nb', 'downtime', 'en'],
		['maskinene står stille', 'nb', 'the line is down again', 'en'],
		['truck på verksted annenhver uke', 'nb', 'vi fikser når ting ryker', 'nb'],
		['kommunikasjon', 'nb', 'communication', 'en'],
		['møter', 'nb', 'meetings', 'en']
	] as const)('%s and %s meet on a shared term', (a, la, b, lb) => {
		const fa = analyze(a, { ...opts, fallbackLang: la });
		const fb = analyze(b, { ...opts, fallbackLang: lb });
		expect(fa.terms.filter((t) => fb.terms.includes(t))).not.toEqual([]);
	});

	it('drops stopwords and workshop filler in both languages', () => {
		expect(analyze('Vi mangler det og har problemer med', opts).terms).toEqual([]);
		expect(analyze('We lack the and we need a problem', opts).terms).toEqual([]);
	});

	it('drops nynorsk function words', () => {
		const f = analyze('kvar dag snakkar ho og dei saman med kvarandre, medan desse sjeldan', opts);
		for (const w of ['kvar', 'ho', 'saman', 'kvarandr', 'kvarandre', 'medan', 'desse', 'sjeldan'])
			expect(f.surfaces).not.toContain(w);
	});

	it('adds a bigram of neighbouring content words', () => {
		const f = analyze('dårlig informasjon ledelse', opts);
		expect(f.terms).toContain(`${wordTerm('informasjon', 'nb')}_${wordTerm('ledelse', 'nb')}`);
	});

	it('remembers the typed word for each term', () => {
		const f = analyze('Møtene tar for lang tid', opts);
		expect(f.surfaces).toContain('møtene');
	});
});
