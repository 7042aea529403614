import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ params, parent }) => {
	const { session } = await parent();
	const index = Number(params.stage);
	const stage = session.template.stages[index];
	if (!stage) error(404, 'stage-not-found');
	return { index, stage };
};
