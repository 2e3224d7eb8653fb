import { loadProjectorPage } from '$lib/server/staff-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadProjectorPage(event);
