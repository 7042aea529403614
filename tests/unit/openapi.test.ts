import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/openapi.json describes the whole HTTP API; docs/api.md describes it in prose. Both are
// checked against the routes themselves, so an endpoint added without its documentation fails.

const root = new URL('../..', import.meta.url).pathname;
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

function serverFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return serverFiles(path);
		return entry.name === '+server.ts' ? [path] : [];
	});
}

/** `src/routes/api/audits/[id]/reports/[version=version]/+server.ts` → `/api/audits/{id}/reports/{version}`. */
function pathOf(file: string): string {
	const dir = relative(join(root, 'src/routes'), file).replace(/\/?\+server\.ts$/, '');
	return (
		'/' +
		dir
			.split('/')
			.filter((segment) => !/^\(.*\)$/.test(segment))
			.map((segment) => segment.replace(/^\[(\w+)(=\w+)?\]$/, '{$1}'))
			.join('/')
	);
}

function routes(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	for (const base of ['api', 'healthz', 'readyz']) {
		for (const file of serverFiles(join(root, 'src/routes', base))) {
			const source = readFileSync(file, 'utf8');
			const methods = METHODS.filter((m) => new RegExp(`export const ${m}\\b`).test(source));
			found.set(pathOf(file), methods);
		}
	}
	return found;
}

const openapi = JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8')) as {
	openapi: string;
	paths: Record<string, Record<string, unknown>>;
};

describe('the API documentation', () => {
	it('finds the routes it checks', () => {
		const all = routes();
		expect(all.size).toBeGreaterThan(20);
		expect(all.get('/api/audits/{id}')).toEqual(['GET', 'PUT']);
		expect(all.get('/api/exports/audits')).toEqual(['GET']);
	});

	it('openapi.json has every route with exactly its methods, and nothing else', () => {
		expect(openapi.openapi).toMatch(/^3\./);
		const documented = new Map(
			Object.entries(openapi.paths).map(([path, item]) => [
				path,
				METHODS.filter((m) => m.toLowerCase() in item)
			])
		);
		expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(routes()));
	});

	it('docs/api.md names every route', () => {
		const prose = readFileSync(join(root, 'docs/api.md'), 'utf8');
		for (const path of routes().keys()) expect(prose, path).toContain(path);
	});
});
