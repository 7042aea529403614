import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { pdfResponse } from '$lib/server/http/pdf-response';
import { readLatestReport } from '$lib/server/reports/report-download';
import type { RequestHandler } from './$types';

/** The newest ready report PDF of an audit, for readers of the audit (see docs/api.md). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return pdfResponse(await readLatestReport(ctx, user, params.id));
	});
