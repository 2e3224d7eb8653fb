/**
 * Inputs typed on this phone that the server has not yet acknowledged, kept in localStorage under
 * the workshop code so that a reload, a dead battery or a lost connection loses nothing. Each entry
 * keeps the id generated on the phone, so sending it twice is harmless.
 */
export interface OutboxEntry {
	id: string;
	text: string;
	createdAt: string;
	/** the question the phone showed when it was typed */
	question?: number;
}

export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export class Outbox {
	private readonly key: string;

	constructor(
		code: string,
		private readonly store: KeyValueStore | null
	) {
		this.key = `innspill:outbox:${code}`;
	}

	all(): OutboxEntry[] {
		try {
			const parsed: unknown = JSON.parse(this.store?.getItem(this.key) ?? '[]');
			return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
		} catch {
			return [];
		}
	}

	add(entry: OutboxEntry): void {
		const entries = this.all().filter((e) => e.id !== entry.id);
		this.write([...entries, entry]);
	}

	remove(id: string): void {
		this.write(this.all().filter((e) => e.id !== id));
	}

	private write(entries: OutboxEntry[]): void {
		try {
			if (entries.length === 0) this.store?.removeItem(this.key);
			else this.store?.setItem(this.key, JSON.stringify(entries));
		} catch {
			// Storage full or disabled (private mode): the entry still lives in memory until acknowledged.
		}
	}
}

function isEntry(value: unknown): value is OutboxEntry {
	if (typeof value !== 'object' || value === null) return false;
	const e = value as Record<string, unknown>;
	return typeof e.id === 'string' && typeof e.text === 'string' && typeof e.createdAt === 'string';
}

export function browserStore(): KeyValueStore | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

export function nowIso(): string {
	return new Date().toISOString();
}
