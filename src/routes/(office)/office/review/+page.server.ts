import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { listReviewQueuePage } from '$lib/server/services/review-queue';
import type { PageServerLoad } from './$types';

/** The review queue: audits waiting for review, oldest hand-in first, a keyset page at a time. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const cursor = event.url.searchParams.get('cursor');
		const page = await listReviewQueuePage(ctx, user, { cursor, limit: 50 });
		return { ...page, first: cursor === null };
	});
