import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The theme engine's modules import each other one way: no module may reach itself again
// through its imports (type-only imports included, they shape the design just the same).
const dir = fileURLToPath(new URL('../../../src/lib/server/clustering/', import.meta.url));

function importsOf(file: string): string[] {
	const src = readFileSync(dir + file, 'utf8');
	const out: string[] = [];
	for (const m of src.matchAll(/^\s*(?:import|export)[^'"]*from\s+'\.\/([\w-]+)(?:\.ts)?'/gm))
		out.push(`${m[1]}.ts`);
	return out;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
	const state = new Map<string, 'open' | 'done'>();
	const path: string[] = [];
	const visit = (node: string): string[] | null => {
		if (state.get(node) === 'done') return null;
		if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			const cycle = visit(next);
			if (cycle) return cycle;
		}
		path.pop();
		state.set(node, 'done');
		return null;
	};
	for (const node of graph.keys()) {
		const cycle = visit(node);
		if (cycle) return cycle;
	}
	return null;
}

describe('clustering module graph', () => {
	it('finds a cycle when there is one (the checker itself)', () => {
		const g = new Map([
			['a.ts', ['b.ts']],
			['b.ts', ['c.ts']],
			['c.ts', ['a.ts']]
		]);
		expect(findCycle(g)).toEqual(['a.ts', 'b.ts', 'c.ts', 'a.ts']);
		expect(findCycle(new Map([['a.ts', ['b.ts']]]))).toBeNull();
	});

	it('has no import cycles', () => {
		const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
		const graph = new Map(files.map((f) => [f, importsOf(f)]));
		expect(graph.get('engine.ts')).toContain('engine-edits.ts');
		expect(findCycle(graph)).toBeNull();
	});
});
