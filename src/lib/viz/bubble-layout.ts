import { forceCollide, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';

export interface BubbleInput {
	id: string;
	/** What the area shows: inputs, later also votes. */
	weight: number;
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
 * Places one bubble per theme in a width × height box, area proportional to weight. Bubbles that
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
			r: Math.min(maxR, Math.max(28, scale * Math.sqrt(Math.max(item.weight, 1)))),
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

/** Splits a label into lines that fit a circle of radius r at the given font size. */
export function wrapLabel(label: string, r: number, fontSize: number, maxLines = 3): string[] {
	const charsPerLine = Math.max(6, Math.floor((r * 1.6) / (fontSize * 0.56)));
	const lines: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (next.length <= charsPerLine || !line) line = next;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line) lines.push(line);
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
		return kept;
	}
	return lines.map((l) => (l.length > charsPerLine + 2 ? `${l.slice(0, charsPerLine)}…` : l));
}
