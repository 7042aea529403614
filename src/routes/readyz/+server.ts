import { json } from '@sveltejs/kit';
import { checkReady } from '$lib/server/db/connect';
import { getServerContext } from '$lib/server/context';
import { logger } from '$lib/server/log';
import type { RequestHandler } from './$types';

/** How long the database may take to answer before the instance counts as not ready. */
const READY_TIMEOUT_MS = 2000;

/**
 * Readiness: the database answers and every migration has run; else 503 with the reason (logged,
 * not shown: the reason may name the database).
 */
export const GET: RequestHandler = async () => {
	const timeout = new Promise<{ ready: false; reason: string }>((resolve) =>
		setTimeout(
			() => resolve({ ready: false, reason: 'database timed out' }),
			READY_TIMEOUT_MS
		).unref()
	);
	const check = getServerContext().then(
		({ db }) => checkReady(db),
		(error: unknown) => ({ ready: false as const, reason: `database not open: ${String(error)}` })
	);
	const result = await Promise.race([check, timeout]);
	const headers = { 'cache-control': 'no-store' };
	if (result.ready) return json({ status: 'ready' }, { headers });
	logger.warn('Not ready', { reason: result.reason });
	return json({ status: 'not_ready' }, { status: 503, headers });
};
