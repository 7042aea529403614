// The start-up check of the address Shopwalk is served at (ORIGIN) and of the reverse-proxy
// settings adapter-node reads (PROTOCOL_HEADER, HOST_HEADER, ADDRESS_HEADER, XFF_DEPTH, HOST).
// Pure: `checkOrigin(env)` only decides; `scripts/start.js` prints and exits. The rules are in
// the README ("Deploying for tablets").

const SEE = 'See README.md, "Deploying for tablets".';
const SECURE_CONTEXT =
	'Tablets need HTTPS: crypto.randomUUID and service workers only work in a secure context, ' +
	'so shoppers could not start a visit or work offline. Put Caddy in front (deploy/Caddyfile.lan ' +
	'or deploy/Caddyfile.public) and set ORIGIN to its https address';

/**
 * True for names and addresses a browser treats as this machine (a secure context over http).
 * @param {string} hostname
 */
export function isLoopbackHost(hostname) {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
	return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Decides what the start-up should do with this environment.
 * @param {Record<string, string | undefined>} env
 * @returns {{ origin: string | null, errors: string[], warnings: string[] }} `origin`: what
 *   ORIGIN the server should run with (null: derived per request from the proxy's headers);
 *   any `errors` are fatal.
 */
export function checkOrigin(env) {
	/** @type {string[]} */
	const errors = [];
	/** @type {string[]} */
	const warnings = [];
	const port = env.PORT || '3000';
	const host = env.HOST?.trim() || '';
	// adapter-node listens on every interface unless HOST says otherwise.
	const listensOnLoopback = host !== '' && isLoopbackHost(host);
	const allowHttp = env.ALLOW_INSECURE_ORIGIN === '1';
	const protocolHeader = env.PROTOCOL_HEADER?.trim() || '';
	const hostHeader = env.HOST_HEADER?.trim() || '';
	const addressHeader = env.ADDRESS_HEADER?.trim() || '';
	/** @type {string | null} */
	let origin = null;

	const raw = env.ORIGIN?.trim();
	if (raw) {
		/** @type {URL | null} */
		let url = null;
		try {
			url = new URL(raw);
		} catch {
			errors.push(
				`ORIGIN=${raw} is not an address. Set it to the address people type in the browser, ` +
					`scheme and host (and port, if not the default) only, e.g. ORIGIN=https://shopwalk.example.com. ${SEE}`
			);
		}
		if (url) {
			if (url.protocol !== 'http:' && url.protocol !== 'https:') {
				errors.push(`ORIGIN=${raw} must start with https:// (or http:// for localhost). ${SEE}`);
			} else if (
				url.username ||
				url.password ||
				(url.pathname !== '/' && url.pathname !== '') ||
				url.search ||
				url.hash
			) {
				errors.push(
					`ORIGIN=${raw} has more than scheme, host and port. Shopwalk is served at the root of ` +
						`its address: use ORIGIN=${url.origin}. ${SEE}`
				);
			} else if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
				const message = `ORIGIN=${raw} is plain http on a host other than this machine. ${SECURE_CONTEXT}. ${SEE}`;
				if (allowHttp) warnings.push(`${message} (Starting anyway: ALLOW_INSECURE_ORIGIN=1.)`);
				else
					errors.push(
						`${message} To start anyway (office only, no field work), set ALLOW_INSECURE_ORIGIN=1.`
					);
				origin = url.origin;
			} else {
				origin = url.origin;
			}
			if (origin && url.protocol === 'https:' && !listensOnLoopback) {
				warnings.push(
					`ORIGIN is https but the app itself listens on ${host || 'every interface'} over plain http. ` +
						`Set HOST=127.0.0.1 so that only the proxy on this machine reaches it. ${SEE}`
				);
			}
		}
	} else if (protocolHeader || hostHeader) {
		// Derived per request from the proxy's headers: needs both, and only a proxy may send them.
		if (!protocolHeader || !hostHeader) {
			errors.push(
				`Without ORIGIN, set both PROTOCOL_HEADER and HOST_HEADER (x-forwarded-proto and ` +
					`x-forwarded-host behind Caddy), or set ORIGIN. ${SEE}`
			);
		}
		if (!listensOnLoopback) {
			warnings.push(
				`The address is derived from ${protocolHeader || '?'} / ${hostHeader || '?'}, which anyone ` +
					`reaching the app directly can forge. Set HOST=127.0.0.1 behind the proxy, or set ORIGIN. ${SEE}`
			);
		}
	} else if (host && !listensOnLoopback) {
		errors.push(
			`HOST=${host} serves Shopwalk to other machines, but ORIGIN is not set: every sign-in from ` +
				`another address would be refused (bad_origin). Set ORIGIN to the https address tablets ` +
				`open (behind Caddy), e.g. ORIGIN=https://shopwalk.lan. ${SEE}`
		);
	} else {
		origin = `http://localhost:${port}`;
		warnings.push(
			`ORIGIN is not set: Shopwalk accepts sign-ins only at ${origin} (this machine). Tablets on ` +
				`another address are refused (bad_origin) and need HTTPS anyway. ${SEE}`
		);
	}

	if (env.XFF_DEPTH !== undefined && !/^[1-9]\d*$/.test(env.XFF_DEPTH.trim())) {
		errors.push(`XFF_DEPTH=${env.XFF_DEPTH} must be a whole number of proxies, 1 or more. ${SEE}`);
	}
	if (env.XFF_DEPTH !== undefined && addressHeader.toLowerCase() !== 'x-forwarded-for') {
		warnings.push(`XFF_DEPTH only applies with ADDRESS_HEADER=x-forwarded-for. ${SEE}`);
	}
	if (addressHeader && !listensOnLoopback) {
		warnings.push(
			`ADDRESS_HEADER=${addressHeader} is trusted for client addresses (sign-in throttling), but ` +
				`the app listens on ${host || 'every interface'}: a client reaching it directly can forge ` +
				`the header. Set HOST=127.0.0.1 behind the proxy. ${SEE}`
		);
	}
	if (!addressHeader && origin?.startsWith('https:') && !isLoopbackHost(new URL(origin).hostname)) {
		warnings.push(
			`ADDRESS_HEADER is not set: behind a proxy every client has the proxy's address, so sign-in ` +
				`throttling per address counts everyone together. Behind Caddy set ` +
				`ADDRESS_HEADER=x-forwarded-for XFF_DEPTH=1. ${SEE}`
		);
	}
	return { origin, errors, warnings };
}
