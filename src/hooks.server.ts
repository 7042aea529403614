import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { createSessionHandle } from '$lib/server/auth/session-handle';
import { closeServerContext, getServerContext } from '$lib/server/context';
import { apiGuardHandle } from '$lib/server/http/api-guard';
import { sweepTempFiles, TEMP_FILE_MAX_AGE_MS } from '$lib/server/files/temp-files';
import { instanceIdentity, isDeadLocalProcess, parseInstanceId } from '$lib/server/instance';
import { errorFields, logger } from '$lib/server/log';
import { getOrganisation } from '$lib/server/repos/organisations';
import { closeSharedReportRenderer } from '$lib/server/reports/render-in-child';
import { startReportRunner, type ReportRunner } from '$lib/server/reports/report-runner';
import { deleteExpiredSessions } from '$lib/server/repos/sessions';
import { deleteStaleThrottles } from '$lib/server/repos/sign-in-throttle';
import { seedDemoIfEmpty } from '$lib/server/seed/demo';
import { DEMO_ORGANISATION, demoPassword, formatDemoSignIns } from '$lib/server/seed/demo-accounts';

/**
 * Opens the database (migrations run there), seeds the demo on an empty one, tidies expired
 * sessions and old throttle rows, prints the demo sign-ins when the demo organisation exists, and
 * starts this instance's report runner (stopped, its job in hand finished, on shutdown).
 */
export const init: ServerInit = async () => {
	if (building) return;
	const { db, dialect, dataDir } = await getServerContext();
	const password = demoPassword(env);
	const now = Date.now();
	const seeded = await seedDemoIfEmpty(db, { password, now });
	await deleteExpiredSessions(db, now);
	await deleteStaleThrottles(db, now - 24 * 60 * 60 * 1000);
	console.log(`Database ready (${dialect})${seeded ? '; demo data created' : ''}.`);
	if (await getOrganisation(db, DEMO_ORGANISATION.id)) console.log(formatDemoSignIns(password));
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

export const handle: Handle = sequence(
	createSessionHandle(async () => (await getServerContext()).db),
	apiGuardHandle
);

/** Logs unexpected errors; the client sees a generic message and a code, never internals. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message, code: 'not_found' };
	console.error(`${event.request.method} ${event.url.pathname} failed:`, error);
	return { message: 'Something went wrong on the server.', code: 'internal_error' };
};
