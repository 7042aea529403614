import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { createSessionHandle } from '$lib/server/auth/session-handle';
import { closeServerContext, getServerContext } from '$lib/server/context';
import { apiGuardHandle } from '$lib/server/http/api-guard';
import { compressJsonHandle } from '$lib/server/http/compress-json';
import { csrfHandle } from '$lib/server/http/csrf';
import { ClientAbortError } from '$lib/server/http/read-body';
import { securityHeadersHandle } from '$lib/server/http/security-headers';
import { sweepTempFiles, TEMP_FILE_MAX_AGE_MS } from '$lib/server/files/temp-files';
import { instanceIdentity, isDeadLocalProcess, parseInstanceId } from '$lib/server/instance';
import { errorFields, logger, routeConsoleToLog, withRequestContext } from '$lib/server/log';
import { getOrganisation } from '$lib/server/repos/organisations';
import { closeSharedReportRenderer } from '$lib/server/reports/render-in-child';
import { startReportRunner, type ReportRunner } from '$lib/server/reports/report-runner';
import { deleteExpiredSessions } from '$lib/server/repos/sessions';
import { deleteOldSignInAddresses, deleteStaleThrottles } from '$lib/server/repos/sign-in-throttle';
import { KNOWN_ADDRESS_MS } from '$lib/server/auth/throttle';
import { ensureSigningKeys, sealKeyDir } from '$lib/server/seal/signing-keys';
import { seedDemoIfEmpty } from '$lib/server/seed/demo';
import { seedDemoHistory } from '$lib/server/seed/demo-history';
import { DEMO_ORGANISATION, demoPassword, formatDemoSignIns } from '$lib/server/seed/demo-accounts';

/**
 * Opens the database (migrations run there), seeds the demo on an empty one, tidies expired
 * sessions and old throttle rows, prints the demo sign-ins when the demo organisation exists, and
 * starts this instance's report runner (stopped, its job in hand finished, on shutdown).
 */
export const init: ServerInit = async () => {
	if (building) return;
	routeConsoleToLog();
	const { db, dialect, dataDir } = await getServerContext();
	const password = demoPassword(env);
	const now = Date.now();
	const seeded = await seedDemoIfEmpty(db, { password, now });
	// Opt-in: a year of approved demo audits, so the benchmark and trends have data to show.
	if (seeded && env.SHOPWALK_DEMO_HISTORY === '1') {
		logger.info(`Demo history: ${await seedDemoHistory(db, now)} approved audits.`);
	}
	await deleteExpiredSessions(db, now);
	await deleteStaleThrottles(db, now - 24 * 60 * 60 * 1000);
	await deleteOldSignInAddresses(db, now - KNOWN_ADDRESS_MS);
	logger.info(`Database ready (${dialect})${seeded ? '; demo data created' : ''}.`);
	if (await getOrganisation(db, DEMO_ORGANISATION.id)) {
		for (const line of formatDemoSignIns(password).split('\n')) logger.info(line.trim());
	}
	// Each organisation's report-sealing key, made on the first start (kept in the data folder).
	await ensureSigningKeys(db, sealKeyDir(dataDir, env));
	startReports();
	startTempSweeps(dataDir);
};

const SELF = instanceIdentity();

/**
 * Removes temporary files left by crashed writes now and every 10 minutes: those of a dead process
 * of this host at once, any other once it is older than every live write can be.
 */
function startTempSweeps(dataDir: string): void {
	const sweep = () =>
		sweepTempFiles(dataDir, { now: Date.now(), self: SELF }).then(
			(removed) => {
				if (removed.length) logger.info('Removed abandoned temporary files', { removed });
			},
			(error: unknown) => logger.warn('Temporary file sweep failed', errorFields(error))
		);
	void sweep();
	setInterval(() => void sweep(), TEMP_FILE_MAX_AGE_MS).unref();
}

// Kept on globalThis: the dev server may run init again after an edit; one runner per process.
const RUNNER = Symbol.for('shopwalk.reportRunner');
type WithRunner = typeof globalThis & { [RUNNER]?: ReportRunner };

function startReports(): void {
	const global = globalThis as WithRunner;
	if (global[RUNNER]) return;
	const runner = startReportRunner({
		getContext: getServerContext,
		instanceId: SELF.id,
		pollMs: 1000,
		// A claim of a process of this host that no longer runs (this instance before a crash) is
		// released at once; another host's waits for its 30 s lease to lapse.
		isDeadClaim: (lockedBy) => isDeadLocalProcess(parseInstanceId(lockedBy), SELF)
	});
	global[RUNNER] = runner;
	// adapter-node emits this after closing the server on SIGINT/SIGTERM. The job in hand is
	// finished and recorded, then the renderer process ends and the database closes (an open PostgreSQL pool would otherwise
	// keep the process alive for its idle timeout).
	process.once('sveltekit:shutdown', () => {
		void runner
			.stop()
			.then(() => Promise.all([closeSharedReportRenderer(), closeServerContext()]))
			.catch((error: unknown) => logger.error('Shutdown failed', errorFields(error)));
	});
}

// A proxy's request id is kept when it looks like one; otherwise each request gets a new one.
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Gives the request an id (`X-Request-Id` from the proxy, else a new UUID), attaches it to every
 * log line written while it is handled, echoes it on the response, and logs the request.
 */
const requestIdHandle: Handle = async ({ event, resolve }) => {
	const given = event.request.headers.get('x-request-id');
	const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
	return withRequestContext({ requestId }, async () => {
		const started = performance.now();
		const response = await resolve(event);
		try {
			response.headers.set('x-request-id', requestId);
		} catch {
			// Immutable headers (a fetched response passed through): the log line still has the id.
		}
		logger.info('Request', {
			method: event.request.method,
			path: event.url.pathname,
			status: response.status,
			ms: Math.round(performance.now() - started)
		});
		return response;
	});
};

export const handle: Handle = sequence(
	requestIdHandle,
	compressJsonHandle,
	securityHeadersHandle,
	csrfHandle,
	createSessionHandle(async () => (await getServerContext()).db),
	apiGuardHandle
);

function isClientAbort(error: unknown): boolean {
	if (error instanceof ClientAbortError) return true;
	const e = error as { code?: unknown; message?: unknown } | null;
	return e?.code === 'ECONNRESET' || e?.message === 'aborted';
}

/**
 * Logs unexpected errors (with the request id, like every line of the request); a client that
 * went away mid-request is logged as that, not as a server error. The client sees a generic
 * message and a code, never internals.
 */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message, code: 'not_found' };
	const where = { method: event.request.method, path: event.url.pathname };
	if (isClientAbort(error)) {
		logger.info('Client aborted the request', { ...where, ...errorFields(error) });
		return { message: 'The request was not complete.', code: 'request_aborted' };
	}
	logger.error('Request failed', { ...where, status, ...errorFields(error) });
	return { message: 'Something went wrong on the server.', code: 'internal_error' };
};
