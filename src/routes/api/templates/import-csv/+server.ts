import { json } from '@sveltejs/kit';
import { MAX_JSON_BODY_BYTES } from '$lib/contract/api-paths';
import { CsvImportSchema } from '$lib/contract/templates';
import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readJson } from '$lib/server/http/read-body';
import { importTemplateSpreadsheet } from '$lib/server/services/template-builder';
import type { RequestHandler } from './$types';

/** A new draft from a spreadsheet (CSV text in JSON); 422 import_invalid with every row and column. */
export const POST: RequestHandler = ({ locals, request }) =>
	respond(async () => {
		const user = requireUser(locals);
		const body = await readJson(request, CsvImportSchema, MAX_JSON_BODY_BYTES);
		const ctx = await getServerContext();
		return json(await importTemplateSpreadsheet(ctx, user, body, Date.now()), { status: 201 });
	});
