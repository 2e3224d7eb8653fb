import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { EngineState } from '../clustering/index';
import * as inputs from '../db/input.repository';
import type { Database } from '../db/schema';
import * as themeRepo from '../db/theme.repository';
import * as workshopRepo from '../db/workshop.repository';
import { log } from '../log';
import { DomainError } from './errors';
import { LiveThemes, type LiveThemesOptions } from './live-themes';
import { ThemeHistory } from './theme-history';
import { parseThemeKey } from './theme-key';
import { questionOf } from './questions';

const pair = v.tuple([v.string(), v.string()]);

/** Question n numbers its themes from (n − 1) · 10⁸ + 1; theme ids have at most nine digits. */
const THEME_NUMBERS_PER_QUESTION = 100_000_000;

/** The stored engine state, checked before the engine trusts it. */
const StoredState = v.object({
	version: v.literal(1),
	nextTheme: v.pipe(v.number(), v.integer(), v.minValue(0)),
	granularity: v.pipe(v.number(), v.finite()),
	themes: v.array(
		v.object({
			id: v.string(),
			label: v.string(),
			labelLocked: v.boolean(),
			seed: v.boolean(),
			seedKeywords: v.array(v.string()),
			inputIds: v.array(v.string())
		})
	),
	pinned: v.array(v.string()),
	moved: v.array(v.tuple([v.string(), v.nullable(v.string())])),
	mergedInto: v.array(pair),
	redirects: v.array(pair),
	apart: v.array(pair),
	hidden: v.array(v.string()),
	unsorted: v.optional(v.array(v.string()))
});

/** Parses a stored state; throws when it is not JSON or not an engine state. */
export function readEngineState(raw: string): EngineState {
	return v.parse(StoredState, JSON.parse(raw)) as EngineState;
}

export interface OpenedThemes {
	live: LiveThemes;
	history: ThemeHistory;
	/** Where the themes came from, when not from the stored state. */
	rebuiltFrom: 'action log' | 'inputs' | null;
}

/**
 * Opens a workshop's themes from the database. A damaged or missing state does not break the
 * workshop: the themes are rebuilt from the state the action log kept after the facilitator's last
 * edit (theme ids and edits survive), or from the inputs alone, and the log says so.
 */
export async function openThemes(
	db: Kysely<Database>,
	key: string,
	options: Omit<LiveThemesOptions, 'language' | 'question'>
): Promise<OpenedThemes> {
	const { code, question } = parseThemeKey(key);
	const workshop = await workshopRepo.findWorkshop(db, code);
	if (!workshop) throw new DomainError('unknown_workshop', 'No workshop has that code.');
	const asked = await questionOf(db, workshop, question);
	const rows = await inputs.listInputs(db, code, { includeHidden: true, question });
	const texts = rows.map((r) => ({ id: r.id, text: r.text }));
	const history = ThemeHistory.fromLog(await themeRepo.listThemeActions(db, code, question));
	const stored = await themeRepo.loadThemeState(db, code, question);
	const liveOptions: LiveThemesOptions = {
		...options,
		language: workshop.language,
		question: `${workshop.title} ${asked.prompt}`,
		// one theme id names one theme in the whole workshop: dots, board links and exports
		// never mistake question 2's t3 for question 1's
		firstThemeNumber: (question - 1) * THEME_NUMBERS_PER_QUESTION + 1
	};
	const open = (state: EngineState | null) => {
		const live = LiveThemes.create(texts, state, liveOptions);
		for (const row of rows) if (row.hidden || row.held) live.current.setHidden(row.id, true);
		live.setFrozen(asked.phase === 'voting' || asked.phase === 'closed');
		return live;
	};

	const fromLog = history.nextUndo()?.stateAfter ?? history.nextRedo()?.stateBefore;
	const candidates: [string | null | undefined, OpenedThemes['rebuiltFrom']][] = [
		[stored, null],
		[fromLog, 'action log']
	];
	for (const [raw, source] of candidates) {
		if (!raw) continue;
		try {
			const live = open(readEngineState(raw));
			if (source) log.warn('theme state damaged; rebuilt', { code: key, from: source });
			return { live, history, rebuiltFrom: source };
		} catch (err) {
			log.warn('stored theme state unreadable', {
				code: key,
				from: source ?? 'state',
				err: String(err)
			});
		}
	}
	if (stored) log.warn('theme state damaged; rebuilt', { code: key, from: 'inputs' });
	return { live: open(null), history, rebuiltFrom: stored || fromLog ? 'inputs' : null };
}
