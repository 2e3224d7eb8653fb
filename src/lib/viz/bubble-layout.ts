import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

export interface BubbleInput {
	id: string;
	/** What the area shows: inputs, later also votes. */
	weight: number;
	/** The bubble is never drawn smaller than this (room for its whole label). */
	minR?: number;
}

export interface Bubble {
	id: string;
	x: number;
	y: number;
	r: number;
}

interface Node extends SimulationNodeDatum {
	id: string;
	r: number;
}

/**
 * Places one bubble per theme in a width × height box, area proportional to weight (never below
 * an item's `minR`, the room its label needs). Bubbles that
 * were on screen before start where they were, and new ones start near the centre, so an update
 * nudges the map instead of reshuffling it. Pure: d3-force computes, the caller draws.
 */
export function layoutBubbles(
	items: BubbleInput[],
	width: number,
	height: number,
	previous: ReadonlyMap<string, { x: number; y: number }> = new Map(),
	padding = 10
): Bubble[] {
	if (items.length === 0) return [];
	const total = items.reduce((sum, item) => sum + Math.max(item.weight, 1), 0);
	// Fill about half the box with bubble area, so labels have room and the map never overflows.
	const scale = Math.sqrt((width * height * 0.5) / (Math.PI * total));
	const maxR = Math.min(width, height) / 3;
	const nodes: Node[] = items.map((item, i) => {
		const before = previous.get(item.id);
		const angle = i * 2.399963; // golden angle: new bubbles spread out instead of stacking
		return {
			id: item.id,
			r: Math.min(maxR, Math.max(28, item.minR ?? 0, scale * Math.sqrt(Math.max(item.weight, 1)))),
			x: before?.x ?? width / 2 + Math.cos(angle) * 20 * Math.sqrt(i + 1),
			y: before?.y ?? height / 2 + Math.sin(angle) * 20 * Math.sqrt(i + 1)
		};
	});
	const simulation = forceSimulation(nodes)
		.force(
			'collide',
			forceCollide<Node>((d) => d.r + padding)
				.strength(0.9)
				.iterations(3)
		)
		.force('x', forceX<Node>(width / 2).strength(0.04))
		.force('y', forceY<Node>(height / 2).strength(0.06))
		.stop();
	const ticks = previous.size > 0 ? 80 : 200;
	for (let i = 0; i < ticks; i++) {
		simulation.tick();
		for (const node of nodes) {
			node.x = clamp(node.x!, node.r, width - node.r);
			node.y = clamp(node.y!, node.r, height - node.r);
		}
	}
	return nodes.map((n) => ({ id: n.id, x: n.x!, y: n.y!, r: n.r }));
}

function clamp(value: number, min: number, max: number): number {
	return min > max ? (min + max) / 2 : Math.min(max, Math.max(min, value));
}

/**
 * A colour (palette index) per bubble, so that bubbles that touch differ. A theme keeps the colour
 * it had (`previous`), so nothing changes colour between frames; a new theme takes the colour
 * least used by its neighbours, the nearest counting most, then the least used on the map.
 */
export function assignColours(
	bubbles: readonly Bubble[],
	previous: ReadonlyMap<string, number>,
	palette: number
): Map<string, number> {
	const out = new Map<string, number>();
	for (const b of bubbles) {
		const kept = previous.get(b.id);
		if (kept !== undefined && kept < palette) out.set(b.id, kept);
	}
	const gap = (a: Bubble, b: Bubble) => Math.hypot(a.x - b.x, a.y - b.y) - a.r - b.r;
	for (const b of bubbles) {
		if (out.has(b.id)) continue;
		const cost = new Array<number>(palette).fill(0);
		const used = new Array<number>(palette).fill(0);
		for (const o of bubbles) {
			const c = out.get(o.id);
			if (c === undefined || o.id === b.id) continue;
			used[c]++;
			const d = gap(b, o);
			// a touching neighbour weighs most; one further off less, one across the map nothing
			if (d < Math.max(b.r, o.r)) cost[c] += 1000 / (1 + Math.max(0, d));
		}
		let best = 0;
		for (let c = 1; c < palette; c++)
			if (cost[c] < cost[best] || (cost[c] === cost[best] && used[c] < used[best])) best = c;
		out.set(b.id, best);
	}
	return out;
}
