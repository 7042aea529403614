import { requireUser } from '$lib/server/auth/require-user';
import { respond } from '$lib/server/http/api-error';
import { exportFormatOf, exportResponse } from '$lib/server/http/export-request';
import type { RequestHandler } from './$types';

/**
 * Streams the answers the inbox's filters select: `?format=ndjson|csv&state=&kind=&template=&location=`
 * `&from=&to=&tz=&receivedFrom=&receivedBefore=&lang=` (see docs/api.md, "Exports").
 */
export const GET: RequestHandler = (event) =>
	respond(async () =>
		exportResponse(requireUser(event.locals), 'answers', exportFormatOf(event.url), event)
	);
