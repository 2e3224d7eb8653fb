import { staffTranslator } from '../../src/lib/i18n/staff';
import type { WorkshopReport } from '../../src/lib/server/export/report';
import type { ActivityView, Language } from '../../src/lib/shared/types';

/** A small workshop report for the exports: the given inputs, all in one theme, one participant. */
export function report(language: Language, texts: string[]): WorkshopReport {
	const themes = {
		version: 1,
		themes: [
			{
				id: 't1',
				label: 'Møter',
				labelLocked: false,
				keywords: [],
				inputIds: texts.map((_, i) => `i${i}`),
				quotes: [],
				seed: false
			}
		],
		unsorted: [],
		pinned: [],
		granularity: 0,
		history: { undo: null, redo: null }
	} as unknown as WorkshopReport['themes'];
	const votes = { totals: { t1: 4 }, voters: 2, visible: true };
	const inputs = texts.map((text, i) => ({
		id: `i${i}`,
		participantId: 'p1',
		question: 1,
		text,
		createdAt: '2026-11-28T23:05:00.000Z',
		updatedAt: '2026-11-28T23:05:00.000Z',
		hidden: false,
		held: false
	}));
	return {
		workshop: {
			code: 'ABCDEF',
			title: 'Oppstart',
			prompt: 'Hva?',
			language,
			phase: 'collecting',
			createdAt: '2026-11-28T22:00:00.000Z',
			voting: {} as WorkshopReport['workshop']['voting'],
			moderation: false,
			promptOther: null,
			question: 1,
			questions: [{ number: 1, prompt: 'Hva?', promptOther: null, phase: 'collecting' }]
		},
		participants: [{ id: 'p1', name: 'Kari', organisation: 'Verksted AS', createdAt: '' }],
		inputs,
		themes,
		votes,
		questions: [{ number: 1, prompt: 'Hva?', themes, votes }],
		board: { mandate: {}, focusAreas: [], activities: [] } as unknown as WorkshopReport['board'],
		exportedAt: '2026-11-29T08:00:00.000Z',
		t: staffTranslator(language)
	};
}

/** An activity for the annual plan: unscheduled unless the fields say when. */
export function activity(fields: Partial<ActivityView> & { title: string }): ActivityView {
	return {
		id: `a-${fields.title}`,
		type: 'company_visit',
		date: null,
		month: null,
		quarter: null,
		year: null,
		host: '',
		responsible: '',
		focusAreaId: null,
		updatedAt: '2026-11-29T08:00:00.000Z',
		updatedBy: null,
		...fields
	};
}

/** The report with these activities as its plan. */
export function withPlan(base: WorkshopReport, activities: ActivityView[]): WorkshopReport {
	return { ...base, board: { ...base.board, activities } };
}
