import { error } from '@sveltejs/kit';
import { AuditSession } from '$lib/state/audit-session.svelte';
import type { LayoutLoad } from './$types';

// Loaded once per audit and shared by the overview and every stage screen.
export const load: LayoutLoad = async ({ params }) => {
	const session = await AuditSession.load(params.id);
	if (!session) error(404, 'audit-not-found');
	return { session };
};
