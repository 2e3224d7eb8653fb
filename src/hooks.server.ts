import type { Handle } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.runtime = await getRuntime();
	const lang = event.url.pathname.startsWith('/api') ? 'en' : 'nb';
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
	// No page here is meant to be framed or sniffed, nor to leak its address (which may carry a key)
	// to another site. same-origin, not no-referrer: with no-referrer browsers send 'Origin: null'
	// on form posts, which the origin check then refuses.
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};
