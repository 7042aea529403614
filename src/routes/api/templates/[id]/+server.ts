import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { SaveDraftSchema } from '$lib/contract/templates';
import type { JourneyTemplate } from '$lib/domain/types';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { getTemplateDetail, saveTemplateDraft } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

/** One template: its draft, revision, versions and the draft's problems. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return json(await getTemplateDetail(ctx, user, params.id), {
			headers: { 'cache-control': 'private, no-store' }
		});
	});

/** Saves the whole draft made on `revision` (409 draft_conflict when someone saved since). */
export const PUT: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const body = await readJson(request, SaveDraftSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(
			await saveTemplateDraft(
				ctx,
				user,
				params.id,
				{ revision: body.revision, template: body.template as JourneyTemplate },
				Date.now()
			)
		);
	});
