import { describe, expect, it } from 'vitest';
import { ConceptLexicon } from '../../../src/lib/server/clustering/concept-lexicon';
import { wordKeys } from '../../../src/lib/server/clustering/analyze';
import { tokenize } from '../../../src/lib/server/clustering/tokenize';

const lexicon = new ConceptLexicon([
	`
@systems | Systemer | Systems
integrations | Integrasjoner | Integrations | systemene snakker ikke sammen, sanntids-data | systems don't talk, real-time data, single sign-on
`
]);

/** The concepts found in a text, as the analysis reads it (hyphens dropped within a word). */
function conceptsIn(text: string, lang: 'nb' | 'en'): string[] {
	const keys = tokenize(text).map((t) => wordKeys(t.word.replace(/-/g, ''), lang));
	const found = [
		...lexicon.matchPhrases(keys).map(([, , c]) => c),
		...keys.flatMap((k) => lexicon.lookup(k))
	];
	return [...new Set(found)].map((c) => lexicon.concepts[c].id);
}

describe('multi-word terms of the concept lexicon', () => {
	it('match as typed, with one word between their parts', () => {
		expect(conceptsIn('systemene våre snakker ikke sammen', 'nb')).toEqual(['integrations']);
		expect(conceptsIn('systemene snakker fortsatt ikke sammen', 'nb')).toEqual(['integrations']);
	});

	it('match a term with a hyphen inside one of its words', () => {
		expect(conceptsIn('we need real-time data from the line', 'en')).toEqual(['integrations']);
		expect(conceptsIn('no single sign-on anywhere', 'en')).toEqual(['integrations']);
		expect(conceptsIn('mangler sanntids-data fra lageret', 'nb')).toEqual(['integrations']);
	});

	it("match a term with a contraction such as don't", () => {
		expect(conceptsIn("our systems don't talk to each other", 'en')).toEqual(['integrations']);
	});

	it('do not match words that only resemble a term', () => {
		expect(conceptsIn('the data was sent in real life', 'en')).toEqual([]);
		expect(conceptsIn('systemene er trege', 'nb')).toEqual([]);
	});
});

describe('single-word terms of the concept lexicon', () => {
	const skills = new ConceptLexicon([
		`
@people | Folk | People
skills | Ferdigheter | Skills | ferdighet, kompetanse | skill
meetings | Møter | Meetings | møte | meeting
`
	]);
	const found = (text: string) =>
		tokenize(text)
			.map((t) => wordKeys(t.word, 'nb'))
			.flatMap((k) => skills.lookup(k))
			.map((c) => skills.concepts[c].id);

	it('match inflected forms and a word typed without æøå', () => {
		expect(found('ferdighetene våre')).toEqual(['skills']);
		expect(found('for mange moter')).toEqual(['meetings']);
	});

	// the stemmer cuts both "ferdige" and "ferdighet" to "ferd"
	it('do not match another word the stem happens to share', () => {
		expect(found('ferdige skrog må stå ute')).toEqual([]);
	});
});
