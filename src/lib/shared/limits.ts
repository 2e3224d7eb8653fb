/** Limits enforced by the server and mirrored in the forms, so a phone can warn before it sends. */
export const MAX_INPUT_LENGTH = 280;
export const MAX_TITLE_LENGTH = 120;
export const MAX_PROMPT_LENGTH = 500;
export const MAX_NAME_LENGTH = 60;
export const MAX_ORGANISATION_LENGTH = 80;

/** Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** Client-generated ids are UUIDs (any version), compared in lower case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function normaliseJoinCode(raw: string): string {
	return raw.trim().toUpperCase().replace(/[\s-]/g, '');
}
