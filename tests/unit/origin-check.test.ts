import { describe, expect, it } from 'vitest';
import { checkOrigin, isLoopbackHost } from '../../scripts/origin-check.js';

// The start-up check's decisions: what is fatal, what is a warning, and which ORIGIN results.

const behindCaddy = {
	HOST: '127.0.0.1',
	PORT: '3000',
	ADDRESS_HEADER: 'x-forwarded-for',
	XFF_DEPTH: '1'
};

describe('checkOrigin', () => {
	it('accepts the recommended set-up behind Caddy without a word', () => {
		expect(checkOrigin({ ...behindCaddy, ORIGIN: 'https://shopwalk.lan' })).toEqual({
			origin: 'https://shopwalk.lan',
			errors: [],
			warnings: []
		});
		expect(checkOrigin({ ...behindCaddy, ORIGIN: 'https://shopwalk.test:4395/' }).origin).toBe(
			'https://shopwalk.test:4395'
		);
	});

	it('defaults to localhost with a warning when nothing says where it is served', () => {
		const result = checkOrigin({ PORT: '4000' });
		expect(result.errors).toEqual([]);
		expect(result.origin).toBe('http://localhost:4000');
		expect(result.warnings.join('\n')).toMatch(/ORIGIN is not set.*bad_origin/);
	});

	it('refuses to serve other machines when ORIGIN is missing', () => {
		for (const HOST of ['0.0.0.0', '192.168.1.20', '::']) {
			const result = checkOrigin({ HOST });
			expect(result.errors.join('\n'), HOST).toMatch(/ORIGIN is not set.*bad_origin/);
		}
	});

	it('refuses malformed values', () => {
		for (const ORIGIN of [
			'shopwalk.lan',
			'https//shopwalk.lan',
			'ftp://shopwalk.lan',
			'https://shopwalk.lan/app',
			'https://shopwalk.lan/?x=1',
			'https://user:pw@shopwalk.lan'
		]) {
			const result = checkOrigin({ ...behindCaddy, ORIGIN });
			expect(result.errors, ORIGIN).toHaveLength(1);
			expect(result.origin).toBeNull();
		}
	});

	it('refuses plain http on a host other than this machine, saying why', () => {
		const result = checkOrigin({ ...behindCaddy, ORIGIN: 'http://192.168.1.20:3000' });
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toContain(
			'Tablets need HTTPS: crypto.randomUUID and service workers only work in a secure context'
		);
		expect(result.errors[0]).toContain('Caddy');
		expect(result.errors[0]).toContain('README');
		expect(checkOrigin({ ORIGIN: 'http://192.168.1.20:3000' }).warnings).toEqual([]);
	});

	it('starts plain http on a LAN host with a warning only when told to', () => {
		const result = checkOrigin({
			...behindCaddy,
			ORIGIN: 'http://shopwalk.lan',
			ALLOW_INSECURE_ORIGIN: '1'
		});
		expect(result.errors).toEqual([]);
		expect(result.origin).toBe('http://shopwalk.lan');
		expect(result.warnings.join('\n')).toContain('Tablets need HTTPS');
	});

	it('accepts http on loopback names and addresses (a secure context)', () => {
		for (const ORIGIN of [
			'http://localhost:3000',
			'http://127.0.0.1:3000',
			'http://[::1]:3000',
			'http://app.localhost'
		]) {
			expect(checkOrigin({ ORIGIN, HOST: '127.0.0.1' }).errors, ORIGIN).toEqual([]);
		}
	});

	it('warns when the app behind an https ORIGIN is reachable directly over http', () => {
		const result = checkOrigin({
			ORIGIN: 'https://shopwalk.lan',
			ADDRESS_HEADER: 'x-forwarded-for'
		});
		expect(result.errors).toEqual([]);
		expect(result.warnings.join('\n')).toMatch(/HOST=127\.0\.0\.1/);
		expect(result.warnings.join('\n')).toMatch(/forge/);
	});

	it('warns when client addresses would all be the proxy’s', () => {
		const result = checkOrigin({ HOST: '127.0.0.1', ORIGIN: 'https://shopwalk.lan' });
		expect(result.errors).toEqual([]);
		expect(result.warnings.join('\n')).toContain('ADDRESS_HEADER=x-forwarded-for XFF_DEPTH=1');
	});

	it('derives the address from the proxy headers when both are set and ORIGIN is not', () => {
		const result = checkOrigin({
			...behindCaddy,
			PROTOCOL_HEADER: 'x-forwarded-proto',
			HOST_HEADER: 'x-forwarded-host'
		});
		expect(result).toEqual({ origin: null, errors: [], warnings: [] });
		expect(
			checkOrigin({ ...behindCaddy, PROTOCOL_HEADER: 'x-forwarded-proto' }).errors.join('\n')
		).toMatch(/both PROTOCOL_HEADER and HOST_HEADER/);
	});

	it('refuses an XFF_DEPTH that is not a positive whole number', () => {
		for (const XFF_DEPTH of ['0', '-1', 'two', '1.5']) {
			const result = checkOrigin({ ...behindCaddy, ORIGIN: 'https://shopwalk.lan', XFF_DEPTH });
			expect(result.errors.join('\n'), XFF_DEPTH).toMatch(/XFF_DEPTH/);
		}
	});
});

describe('isLoopbackHost', () => {
	it('knows this machine from others', () => {
		expect(
			['localhost', 'a.localhost', '127.0.0.1', '127.1.2.3', '[::1]'].map(isLoopbackHost)
		).toEqual([true, true, true, true, true]);
		expect(
			['shopwalk.lan', '192.168.1.2', '0.0.0.0', '::', 'localhost.example'].map(isLoopbackHost)
		).toEqual([false, false, false, false, false]);
	});
});
