import { requireUser } from '$lib/server/auth/require-user';
import { getServerContext } from '$lib/server/context';
import { respond } from '$lib/server/http/api-error';
import { readLatestReport } from '$lib/server/reports/report-download';
import type { RequestHandler } from './$types';

/** The newest ready report PDF of an audit, for readers of the audit (see docs/api.md). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(async () => {
		const user = requireUser(locals);
		const ctx = await getServerContext();
		const report = await readLatestReport(ctx, user, params.id);
		return new Response(new Uint8Array(report.bytes), {
			headers: {
				'content-type': 'application/pdf',
				'content-length': String(report.bytes.byteLength),
				'content-disposition': `attachment; filename="${report.filename}"`,
				'cache-control': 'private, no-cache',
				'x-content-type-options': 'nosniff'
			}
		});
	});
