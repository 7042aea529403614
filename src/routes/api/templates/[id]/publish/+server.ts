import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { PublishDraftSchema } from '$lib/contract/templates';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { publishTemplateDraft } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

/** Publishes the draft at `revision` as the next version (422 template_invalid with every problem). */
export const POST: RequestHandler = ({ locals, params, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const { revision } = await readJson(request, PublishDraftSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await publishTemplateDraft(ctx, user, params.id, revision, Date.now()), {
			status: 201
		});
	});
