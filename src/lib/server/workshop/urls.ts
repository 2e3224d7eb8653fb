/** The four addresses a workshop hands out. Tokens travel once in the query, then live in a cookie. */
export interface WorkshopUrls {
	participant: string;
	facilitator: string;
	projector: string;
	board: string;
}

export function workshopUrls(
	base: string,
	code: string,
	tokens: { facilitatorToken?: string; boardToken?: string; projectorToken?: string } = {}
): WorkshopUrls {
	const key = (token?: string) => (token ? `?key=${encodeURIComponent(token)}` : '');
	return {
		participant: `${base}/${code}`,
		facilitator: `${base}/${code}/facilitator${key(tokens.facilitatorToken)}`,
		projector: `${base}/${code}/projector${key(tokens.projectorToken)}`,
		board: `${base}/${code}/board${key(tokens.boardToken)}`
	};
}
