// A list of seed themes as a facilitator pastes it (last year's focus areas, say): one theme
// per line, keywords after a colon or a tab, separated by commas or semicolons. Shared by the
// control room (preview while typing), the server (the one parser that counts) and the CLI.

export interface SeedLine {
	label: string;
	keywords: string[];
}

/** Blank lines and lines starting with # are skipped; a line without keywords is a label alone. */
export function parseSeedList(text: string): SeedLine[] {
	const out: SeedLine[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.replace(/\r$/, '').trim();
		if (!line || line.startsWith('#')) continue;
		const tab = line.indexOf('\t');
		const at = tab >= 0 ? tab : line.indexOf(':');
		const label = (at < 0 ? line : line.slice(0, at)).trim().replace(/^[-*•]\s*/, '');
		const keywords = (at < 0 ? '' : line.slice(at + 1))
			.split(/[,;]/)
			.map((k) => k.trim())
			.filter(Boolean);
		if (label) out.push({ label, keywords: [...new Set(keywords)] });
	}
	return out;
}
