/** One question of one workshop: what a theme engine groups. */
export interface ThemeScope {
	code: string;
	question: number;
}

/**
 * The string a question's themes are known by (engine registry, leases, calls between nodes).
 * The first question's key is the workshop code itself, so workshops that had one question keep
 * their keys; later questions add their number: `K7QX2P/2`.
 */
export function themeKey(code: string, question: number): string {
	return question === 1 ? code : `${code}/${question}`;
}

export function parseThemeKey(key: string): ThemeScope {
	const slash = key.indexOf('/');
	if (slash < 0) return { code: key, question: 1 };
	const question = Number(key.slice(slash + 1));
	if (!Number.isInteger(question) || question < 2) throw new Error(`not a theme key: ${key}`);
	return { code: key.slice(0, slash), question };
}
