import type { Kysely } from 'kysely';
import * as board from '../db/board.repository';
import type { ActivityRow, Database, FocusAreaRow, MandateRow } from '../db/schema';
import type { ActivityView, BoardState, FocusAreaView, MandateView } from '../../shared/types';
import { resolveWhen, touchesWhen, type ActivityWhen } from '../../shared/activity-when';
import {
	DeleteBoardItem,
	OrderFocusAreas,
	SaveActivity,
	SaveFocusArea,
	SaveMandate
} from '../../shared/schemas/index';
import type { DomainEvents } from './domain-events';
import { DomainError } from './errors';
import { parse } from './parse';

const toMandate = (row: MandateRow | undefined): MandateView => ({
	purpose: row?.purpose ?? '',
	scope: row?.scope ?? '',
	yearTheme: row?.year_theme ?? '',
	updatedAt: row?.updated_at ?? null,
	updatedBy: row?.updated_by ?? null
});

const toFocusArea = (row: FocusAreaRow): FocusAreaView => ({
	id: row.id,
	title: row.title,
	description: row.description,
	rationale: row.rationale,
	themeIds: JSON.parse(row.theme_ids),
	quoteIds: JSON.parse(row.quote_ids),
	scores: JSON.parse(row.scores),
	owner: row.owner,
	position: row.position,
	updatedAt: row.updated_at,
	updatedBy: row.updated_by
});

const toActivity = (row: ActivityRow): ActivityView => ({
	id: row.id,
	title: row.title,
	type: row.type as ActivityView['type'],
	month: row.month,
	quarter: row.quarter,
	year: row.year,
	date: row.date,
	host: row.host,
	responsible: row.responsible,
	focusAreaId: row.focus_area_id,
	updatedAt: row.updated_at,
	updatedBy: row.updated_by
});

/**
 * The board's workspace: mandate text, focus areas and the annual plan. Edits name only the fields
 * they change, so two board members editing different fields never overwrite each other; on the
 * same field the last write wins and everyone sees who made it.
 */
export class BoardService {
	constructor(
		private readonly db: Kysely<Database>,
		private readonly events: DomainEvents,
		/** Inputs that best represent the given themes, for suggested quotes. */
		private readonly representatives: (
			code: string,
			themeIds: string[],
			n: number
		) => Promise<string[]>
	) {}

	async state(code: string): Promise<BoardState> {
		const [mandate, focusAreas, activities] = await Promise.all([
			board.findMandate(this.db, code),
			board.listFocusAreas(this.db, code),
			board.listActivities(this.db, code)
		]);
		return {
			mandate: toMandate(mandate),
			focusAreas: focusAreas.map(toFocusArea),
			activities: activities.map(toActivity)
		};
	}

	private changed(code: string, by: string | null): Promise<BoardState> {
		this.events.emit('board.changed', { code, by });
		return this.state(code);
	}

	async updateMandate(code: string, payload: unknown): Promise<BoardState> {
		const body = parse(SaveMandate, payload);
		const by = body.editor;
		const stored = await board.findMandate(this.db, code);
		unchangedSince(body.base, {
			purpose: stored?.purpose ?? '',
			scope: stored?.scope ?? '',
			yearTheme: stored?.year_theme ?? ''
		});
		await board.saveMandate(
			this.db,
			code,
			{ purpose: body.purpose, scope: body.scope, year_theme: body.yearTheme, updated_by: by },
			new Date().toISOString()
		);
		return this.changed(code, by);
	}

	async saveFocusArea(code: string, payload: unknown): Promise<BoardState> {
		const body = parse(SaveFocusArea, payload);
		const { id, editor: by } = body;
		const json = <T>(value: T | undefined) =>
			value === undefined ? undefined : JSON.stringify(value);
		const fields = {
			title: body.title,
			description: body.description,
			rationale: body.rationale,
			theme_ids: json(body.themeIds),
			quote_ids: json(body.quoteIds),
			scores: json(body.scores),
			owner: body.owner
		};
		const now = new Date().toISOString();
		const existing = await board.findFocusArea(this.db, id);
		if (existing && existing.workshop_code !== code)
			throw new DomainError('id_conflict', 'That id is taken.');
		if (existing) unchangedSince(body.base, existing);
		const themes: string[] = JSON.parse(fields.theme_ids ?? existing?.theme_ids ?? '[]');
		if (body.suggestQuotes === true || (!existing && fields.quote_ids === undefined)) {
			fields.quote_ids = JSON.stringify(await this.representatives(code, themes, 3));
		}
		if (!existing) {
			if (!fields.title) throw new DomainError('invalid_payload', 'A focus area needs a title.');
			const position = (await board.listFocusAreas(this.db, code)).length;
			await board.insertFocusArea(this.db, {
				id,
				workshop_code: code,
				title: fields.title,
				description: fields.description ?? '',
				rationale: fields.rationale ?? '',
				theme_ids: fields.theme_ids ?? '[]',
				quote_ids: fields.quote_ids ?? '[]',
				scores: fields.scores ?? '{}',
				owner: fields.owner ?? '',
				position,
				updated_at: now,
				updated_by: by
			});
		} else {
			if (fields.title === '')
				throw new DomainError('invalid_payload', 'A focus area needs a title.');
			await board.updateFocusArea(this.db, id, { ...fields, updated_at: now, updated_by: by });
		}
		return this.changed(code, by);
	}

	async deleteFocusArea(code: string, payload: unknown): Promise<BoardState> {
		const body = parse(DeleteBoardItem, payload);
		const row = await board.findFocusArea(this.db, body.id);
		if (!row || row.workshop_code !== code)
			throw new DomainError('not_found', 'No such focus area.');
		await board.deleteFocusArea(this.db, row.id);
		return this.changed(code, body.editor);
	}

	/** Sets the priority order; ids not named keep their relative order after the named ones. */
	async orderFocusAreas(code: string, payload: unknown): Promise<BoardState> {
		const { ids, editor: by } = parse(OrderFocusAreas, payload);
		const rows = await board.listFocusAreas(this.db, code);
		const ordered = [
			...ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is FocusAreaRow => !!r),
			...rows.filter((r) => !ids.includes(r.id))
		];
		const now = new Date().toISOString();
		for (const [position, row] of ordered.entries()) {
			if (row.position !== position) {
				await board.updateFocusArea(this.db, row.id, { position, updated_at: now, updated_by: by });
			}
		}
		return this.changed(code, by);
	}

	async saveActivity(code: string, payload: unknown): Promise<BoardState> {
		const body = parse(SaveActivity, payload);
		const { id, editor: by } = body;
		const fields = {
			title: body.title,
			type: body.type,
			host: body.host,
			responsible: body.responsible,
			focus_area_id: body.focusAreaId
		};
		const change: Partial<ActivityWhen> = {
			date: body.date,
			month: body.month,
			quarter: body.quarter,
			year: body.year
		};
		if (fields.focus_area_id) {
			const area = await board.findFocusArea(this.db, fields.focus_area_id);
			if (!area || area.workshop_code !== code)
				throw new DomainError('not_found', 'No such focus area.');
		}
		const now = new Date().toISOString();
		const existing = await board.findActivity(this.db, id);
		if (existing && existing.workshop_code !== code)
			throw new DomainError('id_conflict', 'That id is taken.');
		if (existing) unchangedSince(body.base, existing);
		if (!existing) {
			if (!fields.title) throw new DomainError('invalid_payload', 'An activity needs a title.');
			const unplanned = { date: null, month: null, quarter: null, year: null };
			await board.insertActivity(this.db, {
				id,
				workshop_code: code,
				title: fields.title,
				type: fields.type ?? 'other',
				...resolveWhen(unplanned, change),
				host: fields.host ?? '',
				responsible: fields.responsible ?? '',
				focus_area_id: fields.focus_area_id ?? null,
				updated_at: now,
				updated_by: by
			});
		} else {
			if (fields.title === '')
				throw new DomainError('invalid_payload', 'An activity needs a title.');
			// The "when" fields are written together, and only when the change names one of them,
			// so a title edit never undoes someone else's new date.
			const when = touchesWhen(change) ? resolveWhen(existing, change) : {};
			await board.updateActivity(this.db, id, {
				...fields,
				...when,
				updated_at: now,
				updated_by: by
			});
		}
		return this.changed(code, by);
	}

	async deleteActivity(code: string, payload: unknown): Promise<BoardState> {
		const body = parse(DeleteBoardItem, payload);
		const row = await board.findActivity(this.db, body.id);
		if (!row || row.workshop_code !== code) throw new DomainError('not_found', 'No such activity.');
		await board.deleteActivity(this.db, row.id);
		return this.changed(code, body.editor);
	}
}

/**
 * Refuses a save when a field the editor started from has changed since: two people typing in
 * one field see each other's text instead of the last save silently winning.
 */
function unchangedSince(base: Record<string, string> | undefined, stored: object): void {
	if (!base) return;
	const now = stored as Record<string, unknown>;
	for (const [field, was] of Object.entries(base)) {
		const value = now[field];
		if (typeof value === 'string' && value.trim() !== was.trim()) {
			throw new DomainError('edit_conflict', `Someone changed ${field} while you were typing.`);
		}
	}
}
