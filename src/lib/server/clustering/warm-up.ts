import { ThemeEngine } from './engine';

const SAMPLES = [
	{
		lang: 'nb',
		text: 'For mange møter uten beslutninger, og dobbeltføring av timer i to systemer'
	},
	{
		lang: 'en',
		text: 'Too many meetings without decisions, and hours entered twice in two systems'
	}
] as const;

/**
 * Loads the word lists (Bokmål morphology, English lemmas, word frequencies, the concept lexicon)
 * by running a throwaway engine over a sentence in each language. They load lazily otherwise, and
 * that takes a few hundred milliseconds of one core: on the first input after a start, the stall
 * would hold up every socket on the server, acknowledgements included.
 */
export function warmUp(): void {
	for (const { lang, text } of SAMPLES) {
		const engine = new ThemeEngine({ lang });
		engine.add({ id: 'a', text });
		engine.add({ id: 'b', text: text.toUpperCase() });
		engine.refine();
		engine.themes();
	}
}
