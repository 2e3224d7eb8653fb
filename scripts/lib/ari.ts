/** Adjusted Rand index of two labellings (same length); null labels count as singletons. */
export function adjustedRand(a: readonly (string | null)[], b: readonly (string | null)[]): number {
	const n = a.length;
	const key = (v: string | null, i: number) => v ?? `\u0000single:${i}`;
	const pairs = new Map<string, number>();
	const ca = new Map<string, number>();
	const cb = new Map<string, number>();
	for (let i = 0; i < n; i++) {
		const x = key(a[i], i);
		const y = key(b[i], i);
		pairs.set(`${x}\u0001${y}`, (pairs.get(`${x}\u0001${y}`) ?? 0) + 1);
		ca.set(x, (ca.get(x) ?? 0) + 1);
		cb.set(y, (cb.get(y) ?? 0) + 1);
	}
	const c2 = (v: number) => (v * (v - 1)) / 2;
	let sij = 0;
	for (const v of pairs.values()) sij += c2(v);
	let sa = 0;
	let sb = 0;
	for (const v of ca.values()) sa += c2(v);
	for (const v of cb.values()) sb += c2(v);
	const expected = (sa * sb) / c2(n);
	const max = (sa + sb) / 2;
	return max === expected ? 1 : (sij - expected) / (max - expected);
}
