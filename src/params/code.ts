import type { ParamMatcher } from '@sveltejs/kit';
import { JOIN_CODE_PATTERN } from '$lib/shared/limits';

/** Join codes in any case; pages redirect to the upper-case form. */
export const match: ParamMatcher = (param) => JOIN_CODE_PATTERN.test(param.toUpperCase());
