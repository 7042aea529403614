import type { ParamMatcher } from '@sveltejs/kit';

/** A report version: 1, 2, … (at most nine digits, no leading zero). */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,8}$/.test(param);
