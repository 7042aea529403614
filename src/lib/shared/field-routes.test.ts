import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFieldRoute } from './pwa-constants';

const routes = join(import.meta.dirname, '../../routes');

/** Every page of the field and sign-in wings, as an example address. */
function fieldPages(): string[] {
	const pages: string[] = [];
	for (const group of ['(field)', '(auth)']) {
		const walk = (dir: string) => {
			for (const entry of readdirSync(dir, { withFileTypes: true })) {
				if (entry.isDirectory()) walk(join(dir, entry.name));
				else if (entry.name === '+page.svelte') pages.push(relative(join(routes, group), dir));
			}
		};
		walk(join(routes, group));
	}
	return pages.map(
		(dir) =>
			'/' +
			dir
				.split(sep)
				.filter(Boolean)
				.map((part) => (part === '[id]' ? '3f0c6a1e-0000-4000-8000-000000000001' : part))
				.map((part) => (part.startsWith('[stage') ? '8' : part))
				.join('/')
	);
}

describe('isFieldRoute', () => {
	it('covers every field page, so each opens offline from the shell', () => {
		const pages = fieldPages();
		expect(pages).toContain('/audits/new');
		for (const page of pages) expect(isFieldRoute(page), page).toBe(true);
	});

	it('leaves every other address to the server (a real 404 for a page that does not exist)', () => {
		for (const path of [
			'/nope',
			'/audits',
			'/audits/x/stages/abc',
			'/audits/x/y',
			'/office',
			'/api/pull'
		])
			expect(isFieldRoute(path), path).toBe(false);
	});
});
