import { describe, expect, it } from 'vitest';
import { Outbox, type KeyValueStore } from '../../src/lib/client/outbox';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (k) => data.get(k) ?? null,
		setItem: (k, v) => void data.set(k, v),
		removeItem: (k) => void data.delete(k)
	};
}

describe('Outbox', () => {
	it('keeps entries across instances (a reload) until they are removed', () => {
		const store = memoryStore();
		new Outbox('AC3K7X', store).add({ id: '1', text: 'a', createdAt: 't' });
		new Outbox('AC3K7X', store).add({ id: '2', text: 'b', createdAt: 't' });
		const reloaded = new Outbox('AC3K7X', store);
		expect(reloaded.all().map((e) => e.id)).toEqual(['1', '2']);
		reloaded.remove('1');
		expect(new Outbox('AC3K7X', store).all().map((e) => e.id)).toEqual(['2']);
		reloaded.remove('2');
		expect(store.data.size).toBe(0);
	});

	it('stores an id once and keeps workshops apart', () => {
		const store = memoryStore();
		const box = new Outbox('AC3K7X', store);
		box.add({ id: '1', text: 'a', createdAt: 't' });
		box.add({ id: '1', text: 'a', createdAt: 't' });
		expect(box.all()).toHaveLength(1);
		expect(new Outbox('QQQQQQ', store).all()).toEqual([]);
	});

	it('survives corrupt storage and missing storage', () => {
		const store = memoryStore();
		store.setItem('innspill:outbox:AC3K7X', '{not json');
		expect(new Outbox('AC3K7X', store).all()).toEqual([]);
		store.setItem(
			'innspill:outbox:AC3K7X',
			JSON.stringify([{ id: 1 }, { id: 'ok', text: 't', createdAt: 'c' }])
		);
		expect(new Outbox('AC3K7X', store).all().map((e) => e.id)).toEqual(['ok']);
		const none = new Outbox('AC3K7X', null);
		none.add({ id: '1', text: 'a', createdAt: 't' });
		expect(none.all()).toEqual([]);
	});
});
