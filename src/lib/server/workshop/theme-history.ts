import type { ThemeActionRow } from '../db/schema';

export interface HistoryEntry {
	id: number;
	kind: string;
	payload: string;
	stateBefore: string;
	stateAfter: string;
}

/**
 * The undo and redo stacks, derived from the append-only action log: an action pushes onto the
 * undo stack and clears redo; an undo entry moves its target to redo; a redo moves it back.
 */
export class ThemeHistory {
	private readonly done: HistoryEntry[] = [];
	private readonly undone: HistoryEntry[] = [];

	static fromLog(rows: ThemeActionRow[]): ThemeHistory {
		const history = new ThemeHistory();
		const byId = new Map<number, HistoryEntry>();
		for (const row of rows) {
			if (row.kind === 'undo' || row.kind === 'redo') {
				const target = byId.get(row.target_id ?? -1);
				if (target) (row.kind === 'undo' ? history.undid : history.redid).call(history, target);
			} else if (row.state_before !== null && row.state_after !== null) {
				const entry = {
					id: row.id,
					kind: row.kind,
					payload: row.payload,
					stateBefore: row.state_before,
					stateAfter: row.state_after
				};
				byId.set(row.id, entry);
				history.did(entry);
			}
		}
		return history;
	}

	did(entry: HistoryEntry): void {
		this.done.push(entry);
		this.undone.length = 0;
	}

	undid(entry: HistoryEntry): void {
		if (this.done.at(-1)?.id !== entry.id) return;
		this.undone.push(this.done.pop()!);
	}

	redid(entry: HistoryEntry): void {
		if (this.undone.at(-1)?.id !== entry.id) return;
		this.done.push(this.undone.pop()!);
	}

	nextUndo(): HistoryEntry | undefined {
		return this.done.at(-1);
	}

	nextRedo(): HistoryEntry | undefined {
		return this.undone.at(-1);
	}
}
