import type { ParamMatcher } from '@sveltejs/kit';

/** A zero-based position, such as a stage's place in a journey. */
export const match: ParamMatcher = (param) => /^(0|[1-9]\d{0,2})$/.test(param);
