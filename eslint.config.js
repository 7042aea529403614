import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Imports a layer may not make: the direction of architecture.md, enforced. */
const restrict = (files, patterns, message) => ({
	files,
	rules: {
		'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
	}
});

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'bench/results/',
			'test-results/',
			'playwright-report/',
			'scratch/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte']
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: { parser: ts.parser, svelteConfig }
		}
	},
	{
		files: ['**/*.js', '**/*.cjs'],
		...ts.configs.disableTypeChecked
	},
	{
		// Kit keeps the service worker out of the app's tsconfig (it needs the webworker lib).
		files: ['src/service-worker.ts'],
		...ts.configs.disableTypeChecked,
		languageOptions: { parserOptions: { projectService: false, project: null } }
	},
	{
		// State classes build throwaway Maps to hand to domain functions; their reactive state is $state.
		files: ['src/lib/state/**'],
		rules: { 'svelte/prefer-svelte-reactivity': 'off' }
	},
	restrict(
		['src/lib/domain/**'],
		['$lib/*', '!$lib/domain', '!$lib/domain/*', 'svelte', 'svelte/*', 'idb', '$app/*'],
		'domain is pure: it imports nothing but itself.'
	),
	restrict(
		['src/lib/contract/**'],
		['$lib/client/*', '$lib/state/*', '$lib/server/*', '$lib/components/*', 'svelte', 'idb'],
		'contract depends on domain only.'
	),
	restrict(
		['src/lib/client/**'],
		['$lib/state/*', '$lib/components/*', '$lib/server/*', 'svelte', 'svelte/*'],
		'client infrastructure knows nothing of Svelte, state or the server.'
	),
	restrict(
		['src/lib/state/**'],
		['idb', '$lib/server', '$lib/server/*'],
		'only client/storage touches IndexedDB; browser code never imports the server.'
	),
	{
		...restrict(
			['src/lib/components/**', 'src/routes/**'],
			['idb', '$lib/server', '$lib/server/*', '$lib/client/*'],
			'components and routes call state classes; server modules only in server files.'
		),
		ignores: ['src/routes/**/+*.server.ts', 'src/routes/**/+server.ts']
	}
);
