import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ThemeEngine } from '../../../src/lib/server/clustering/index';

export interface LabelledInput {
	id: string;
	text: string;
	gold: string;
}

export function loadFixture(): LabelledInput[] {
	const path = fileURLToPath(new URL('./fixtures/workshop-bottlenecks.tsv', import.meta.url));
	return readFileSync(path, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line, i) => {
			const [gold, text] = line.split('\t');
			return { id: `i${i}`, text, gold };
		});
}

/** An engine fed with the fixture through the live path, with the app's refinement schedule. */
export function liveEngine(
	inputs: readonly LabelledInput[],
	opts: ConstructorParameters<typeof ThemeEngine>[0] = {}
): ThemeEngine {
	const engine = new ThemeEngine(opts);
	for (const input of inputs) {
		engine.add(input);
		if (engine.refineDue()) engine.refine();
	}
	return engine;
}

export function themeOfEach(engine: ThemeEngine, ids: readonly string[]): (string | null)[] {
	return ids.map((id) => engine.themeOf(id));
}
