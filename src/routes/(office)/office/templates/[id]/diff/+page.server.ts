import { getServerContext } from '$lib/server/context';
import { officeLoad } from '$lib/server/http/office-error';
import { requireOfficeUser } from '$lib/server/office/require-office-user';
import { ServiceError } from '$lib/server/service-error';
import { diffTemplateVersions, getTemplateDetail } from '$lib/server/services/template-builder';
import type { PageServerLoad } from './$types';

const versionOf = (raw: string | null, fallback: number): number => {
	if (raw === null) return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
		throw new ServiceError('bad_request', 'invalid_query', 'from and to are version numbers.');
	}
	return value;
};

/** What changed between two versions (`?from=&to=`; 0 is the draft). A plain GET form picks them. */
export const load: PageServerLoad = (event) =>
	officeLoad(async () => {
		const user = requireOfficeUser(event);
		const ctx = await getServerContext();
		const detail = await getTemplateDetail(ctx, user, event.params.id);
		const latest = detail.latestVersion;
		const to = versionOf(event.url.searchParams.get('to'), latest > 0 ? 0 : 0);
		const from = versionOf(event.url.searchParams.get('from'), Math.max(latest, 1));
		const diff =
			latest > 0 ? await diffTemplateVersions(ctx, user, event.params.id, from, to) : null;
		return {
			id: detail.id,
			name: detail.draft.name,
			versions: detail.versions,
			from,
			to,
			changes: diff?.changes ?? []
		};
	});
