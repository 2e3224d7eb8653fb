import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One labelled workshop session of `bench/workshops/`: inputs in the order they were typed. */
export interface Session {
	id: string;
	title: string;
	organisation: string;
	lang: 'nb' | 'en';
	question: { nb: string; en: string };
	themes: GoldTheme[];
	inputs: GoldInput[];
}

export interface GoldTheme {
	id: string;
	/** what a facilitator would write on the sticky note */
	label: string;
	/** label words a facilitator would accept as naming the theme (lowercase, base form) */
	accept: string[];
}

export interface GoldInput {
	text: string;
	/** the gold theme, or null for an off-topic input */
	theme: string | null;
	/** a second topic the input names, if any */
	also?: string;
}

export const WORKSHOP_DIR = resolve(import.meta.dirname, '../../bench/workshops');

/** Reads and checks every session in a folder, in file-name order. */
export function loadSessions(dir = WORKSHOP_DIR): Session[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => checkSession(JSON.parse(readFileSync(join(dir, f), 'utf8')), f));
}

function checkSession(s: Session, file: string): Session {
	const fail = (why: string): never => {
		throw new Error(`${file}: ${why}`);
	};
	if (typeof s.id !== 'string' || !Array.isArray(s.themes) || !Array.isArray(s.inputs))
		fail('needs id, themes and inputs');
	if (typeof s.question?.nb !== 'string' || typeof s.question?.en !== 'string')
		fail('needs question.nb and question.en');
	const ids = new Set(s.themes.map((t) => t.id));
	if (ids.size !== s.themes.length) fail('theme ids repeat');
	for (const t of s.themes)
		if (!t.label || !Array.isArray(t.accept) || !t.accept.length)
			fail(`theme ${t.id} needs a label and accepted words`);
	s.inputs.forEach((input, i) => {
		if (typeof input.text !== 'string' || !input.text.trim()) fail(`input ${i} has no text`);
		if (input.theme !== null && !ids.has(input.theme)) fail(`input ${i}: unknown theme`);
		if (input.also !== undefined && !ids.has(input.also)) fail(`input ${i}: unknown also`);
	});
	return s;
}
