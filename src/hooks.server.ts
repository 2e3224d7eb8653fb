import type { Handle } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.runtime = await getRuntime();
	const lang = event.url.pathname.startsWith('/api') ? 'en' : 'nb';
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', lang)
	});
};
