// The production server: svelte.config.js copies this file over adapter-node's `build/index.js`,
// so `node build` (npm start, every test tier) starts it. It serves adapter-node's handler (`./handler.js`
// beside it: static assets, prerendered pages, then SvelteKit) from an http.Server made here, because
// adapter-node 5 does not set `requestTimeout` and Node's defaults hold a trickling body for 300 s.
// It also puts the baseline security headers on every response, including those SvelteKit's hooks
// never see (static files and the prerendered /shell, both served by sirv).
import http from 'node:http';
import process from 'node:process';

/** Headers every response carries; SvelteKit responses get the full CSP from hooks.server.ts. */
export const BASELINE_HEADERS = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
	// A <meta> CSP (what prerendered pages carry) cannot say frame-ancestors; this header does.
	// SvelteKit's own CSP header replaces it on rendered pages (and says frame-ancestors too).
	'content-security-policy': "frame-ancestors 'none'"
};

/**
 * A duration in seconds from the environment, as milliseconds.
 * @param {string} name
 * @param {number} fallbackSeconds
 */
function seconds(name, fallbackSeconds) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallbackSeconds * 1000;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0) {
		throw new Error(`Invalid ${name}: ${JSON.stringify(raw)} (a number of seconds)`);
	}
	return value * 1000;
}

/**
 * One JSON log line, the shape of src/lib/server/log.ts.
 * @param {'info' | 'warn' | 'error'} level
 * @param {string} msg
 * @param {Record<string, unknown>} [fields]
 */
function log(level, msg, fields = {}) {
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
	(level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

/** The server's timeouts (milliseconds) from the environment; see README. */
export function serverTimeouts() {
	const requestTimeout = seconds('REQUEST_TIMEOUT', 60);
	const headersTimeout = Math.min(seconds('HEADERS_TIMEOUT', 10), requestTimeout || Infinity);
	return {
		headersTimeout,
		requestTimeout,
		keepAliveTimeout: seconds('KEEP_ALIVE_TIMEOUT', 5),
		socketIdleTimeout: seconds('SOCKET_IDLE_TIMEOUT', 30),
		shutdownTimeout: seconds('SHUTDOWN_TIMEOUT', 30)
	};
}

const timeouts = serverTimeouts();
const { handler } =
	/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void }} */ (
		await import(new URL('./handler.js', import.meta.url).href)
	);

let requests = 0;
/** @type {NodeJS.Timeout | undefined} */
let shutdownTimer;

const server = http.createServer(
	{
		headersTimeout: timeouts.headersTimeout,
		requestTimeout: timeouts.requestTimeout,
		keepAliveTimeout: timeouts.keepAliveTimeout,
		// Expired requests are found by a periodic check (Node's default: every 30 s).
		connectionsCheckingInterval: 1000
	},
	(req, res) => {
		requests++;
		req.on('close', () => {
			requests--;
			if (shutdownTimer) server.closeIdleConnections();
		});
		for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
		handler(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			res.end('Not found');
		});
	}
);
// A connection that sends nothing for this long is closed (a stalled upload included).
server.timeout = timeouts.socketIdleTimeout;

// Replaces Node's default: the same answers (408 for a request not received in time, 431, 400),
// logged as the client's doing rather than the server's, and never written on a used socket.
server.on('clientError', (error, socket) => {
	const code = /** @type {NodeJS.ErrnoException} */ (error).code;
	log('info', 'Client connection error', { code, message: error.message });
	const response = /** @type {{ _httpMessage?: { headersSent?: boolean } }} */ (socket)
		._httpMessage;
	if (code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
		socket.destroy();
		return;
	}
	const status =
		code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
	socket.end(
		`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`
	);
	// A client still sending does not keep the socket: it is closed a moment after the answer.
	setTimeout(() => socket.destroy(), 1000).unref();
});

const socketPath = process.env.SOCKET_PATH;
const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const listening = () =>
	log('info', 'Listening', socketPath ? { socketPath } : { host, port, ...timeouts });
if (socketPath) server.listen(socketPath, listening);
else server.listen(port, host, listening);

/** @param {'SIGINT' | 'SIGTERM'} reason */
function gracefulShutdown(reason) {
	if (shutdownTimer) return;
	server.closeIdleConnections();
	server.close((error) => {
		if (error) return;
		clearTimeout(shutdownTimer);
		// hooks.server.ts stops the report runner and closes the database on this event.
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), reason);
	});
	shutdownTimer = setTimeout(() => server.closeAllConnections(), timeouts.shutdownTimeout);
	log('info', 'Shutting down', { reason, requests });
}
process.on('SIGTERM', gracefulShutdown);
process.on('SIGINT', gracefulShutdown);

export { server };
