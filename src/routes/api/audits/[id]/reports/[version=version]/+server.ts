import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { pdfResponse } from '$lib/server/http/pdf-response';
import { readReportVersion } from '$lib/server/reports/report-download';
import type { RequestHandler } from './$types';

/** One report version's PDF; earlier versions stay downloadable (see docs/api.md). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		return pdfResponse(await readReportVersion(ctx, user, params.id, Number(params.version)));
	});
