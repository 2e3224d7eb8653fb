import { loadStaffPage } from '$lib/server/staff-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadStaffPage(event, ['board', 'facilitator']);
