// Splits the interface texts into three catalogues, so each screen downloads only what it shows:
//   src/lib/i18n/messages/*.ts        the core: what the stage runner (the screen a shopper keeps
//                                     open through a visit) and the service worker show; always loaded
//   src/lib/i18n/more-messages/*.ts   the field's other screens (home, summary, sign-in, …),
//                                     loaded by the root layout for any route but the runner
//   src/lib/i18n/office-messages/*.ts what only office pages show, loaded by the office layout
// A key is the runner's when a file of the runner route's import graph (or the service
// worker, or an error page) names it — as a literal, or by a template prefix like
// `office.state.${…}`; the office's when every file naming it is office-only (under
// src/routes/(office), or a component imported only by such files); else it is "more". Keys no
// file names stay in the core. Run after adding texts:  node scripts/split-messages.js
// With --check it changes nothing and exits 1 when a key is in the wrong catalogue.
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(new URL('..', import.meta.url).pathname);
const LOCALES = ['en', 'da', 'nb', 'pl'];
const fieldDir = join(root, 'src/lib/i18n/messages');
const officeDir = join(root, 'src/lib/i18n/office-messages');
const moreDir = join(root, 'src/lib/i18n/more-messages');
const CHECK = process.argv.includes('--check');
/** The files the stage runner route loads first, and the others that must read the core only. */
const CORE_ROOTS = [
	'src/routes/+layout.svelte',
	'src/routes/+layout.ts',
	'src/routes/+error.svelte',
	'src/routes/(office)/+error.svelte',
	'src/routes/(field)/+layout.svelte',
	'src/routes/(field)/+layout.ts',
	'src/routes/(field)/audits/[id]/+layout.svelte',
	'src/routes/(field)/audits/[id]/+layout.ts',
	'src/routes/(field)/audits/[id]/stages/[stage=index]/+page.svelte',
	'src/routes/(field)/audits/[id]/stages/[stage=index]/+page.ts',
	'src/service-worker.ts'
];

function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Each property of the catalogue object: key and its full source text (comments before it kept). */
function readCatalogue(path) {
	const text = readFileSync(path, 'utf8');
	const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
	let object = null;
	const visit = (node) => {
		if (!object && ts.isObjectLiteralExpression(node)) object = node;
		else ts.forEachChild(node, visit);
	};
	visit(file);
	if (!object) throw new Error(`no catalogue object in ${path}`);
	const entries = object.properties.map((p) => ({
		key: p.name.text ?? p.name.getText(),
		source: text.slice(p.getFullStart(), p.getEnd()).replace(/^,/, '')
	}));
	return { text, object, entries };
}

const sources = walk(join(root, 'src')).filter(
	(f) =>
		/\.(ts|svelte|js)$/.test(f) &&
		!/\.test\.ts$/.test(f) &&
		!/\/i18n\/(messages|more-messages|office-messages)\//.test(f)
);
const rel = (f) => relative(root, f);

// Who imports whom (relative and $lib imports, static or dynamic), to find office-only
// components; and the static imports, for what the runner's screen shows as it opens. A part of
// it that loads on demand (a dialog) loads the "more" texts with itself (loadMoreCatalogue).
const importers = new Map();
const imports = new Map();
for (const file of sources) {
	const text = readFileSync(file, 'utf8');
	for (const m of text.matchAll(
		/from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g
	)) {
		const spec = m[1] ?? m[2] ?? m[3];
		const isStatic = m[2] === undefined;
		let target = null;
		if (spec.startsWith('$lib/')) target = join(root, 'src/lib', spec.slice(5));
		else if (spec.startsWith('.')) target = resolve(dirname(file), spec);
		if (!target) continue;
		for (const candidate of [target, `${target}.ts`, `${target}.js`, `${target}/index.ts`]) {
			if (existsSync(candidate) && statSync(candidate).isFile()) {
				if (!importers.has(candidate)) importers.set(candidate, new Set());
				importers.get(candidate).add(file);
				if (isStatic) {
					if (!imports.has(file)) imports.set(file, new Set());
					imports.get(file).add(candidate);
				}
				break;
			}
		}
	}
}
const officeRoutes = (f) =>
	rel(f).startsWith('src/routes/(office)/') && !rel(f).endsWith('+error.svelte');
const officeOnly = new Set(sources.filter(officeRoutes));
for (let changed = true; changed;) {
	changed = false;
	for (const file of sources) {
		if (officeOnly.has(file) || !rel(file).startsWith('src/lib/components/')) continue;
		const by = importers.get(file);
		if (by && by.size > 0 && [...by].every((f) => officeOnly.has(f))) {
			officeOnly.add(file);
			changed = true;
		}
	}
}

const runner = new Set();
const queue = CORE_ROOTS.map((f) => join(root, f)).filter((f) => existsSync(f));
while (queue.length > 0) {
	const file = queue.pop();
	if (runner.has(file)) continue;
	runner.add(file);
	for (const next of imports.get(file) ?? []) queue.push(next);
}

const keysIn = (dir) =>
	existsSync(join(dir, 'en.ts')) ? readCatalogue(join(dir, 'en.ts')).entries.map((e) => e.key) : [];
const allKeys = [...keysIn(fieldDir), ...keysIn(moreDir), ...keysIn(officeDir)];

// Which files name each key.
const texts = sources.map((f) => [f, readFileSync(f, 'utf8')]);
const prefixesOf = (text) =>
	[...text.matchAll(/[`'"]([a-z][\w]*(?:\.[\w]+)*\.)(?:\$\{|['"]\s*\+)/g)].map((m) => m[1]);
const usedIn = new Map(allKeys.map((k) => [k, []]));
for (const [file, text] of texts) {
	const prefixes = prefixesOf(text);
	for (const key of allKeys) {
		const literal =
			text.includes(`'${key}'`) || text.includes(`"${key}"`) || text.includes(`\`${key}\``);
		if (literal || prefixes.some((p) => key.startsWith(p))) usedIn.get(key).push(file);
	}
}
/** Where a key belongs: 'core', 'more' or 'office'. */
const bucketOf = (key) => {
	const files = usedIn.get(key);
	if (files.length === 0 || files.some((f) => runner.has(f))) return 'core';
	return files.every((f) => officeOnly.has(f)) ? 'office' : 'more';
};

const BUCKETS = {
	core: { dir: fieldDir },
	more: { dir: moreDir, name: 'more', what: 'the field’s screens other than the stage runner' },
	office: { dir: officeDir, name: 'office', what: 'the office pages' }
};
const LANGUAGE = { da: 'Danish', nb: 'Norwegian (bokmål)', pl: 'Polish' };
const cap = (text) => text[0].toUpperCase() + text.slice(1);
// Each entry keeps the blank lines and comments before it (its group), with one tab indent.
const body = (entries) =>
	entries
		.map((e) => (e.source.startsWith('\n') ? e.source : `\n\t${e.source.trimStart()}`) + ',')
		.join('')
		.replace(/,$/, '');

function catalogueText(bucket, locale, entries) {
	const { name, what } = BUCKETS[bucket];
	const Name = cap(name);
	if (locale === 'en') {
		return `import type { Message } from '../locales';\n\n/**\n * The English text of ${what}: loaded only with them, and the reference every other\n * language's ${name} catalogue must match key for key. Kept by \`node scripts/split-messages.js\`.\n */\nexport const ${name}En = {${body(entries)}\n} satisfies Record<string, Message>;\n\nexport type ${Name}MessageKey = keyof typeof ${name}En;\nexport type ${Name}Messages = { [K in ${Name}MessageKey]: Message };\n`;
	}
	return `import type { ${Name}Messages } from './en';\n\n/** The ${LANGUAGE[locale]} text of ${what}. */\nexport const ${name}${cap(locale)}: ${Name}Messages = {${body(entries)}\n};\n`;
}

let wrong = [];
for (const locale of LOCALES) {
	const present = {};
	for (const [bucket, { dir }] of Object.entries(BUCKETS)) {
		const path = join(dir, `${locale}.ts`);
		present[bucket] = existsSync(path) ? readCatalogue(path) : null;
	}
	const all = Object.entries(present).flatMap(([bucket, c]) =>
		(c?.entries ?? []).map((e) => ({ ...e, from: bucket }))
	);
	if (locale === 'en') wrong = all.filter((e) => bucketOf(e.key) !== e.from);
	if (CHECK) continue;
	for (const [bucket, { dir }] of Object.entries(BUCKETS)) {
		const entries = all.filter((e) => bucketOf(e.key) === bucket);
		const path = join(dir, `${locale}.ts`);
		if (bucket === 'core') {
			const field = present.core;
			writeFileSync(
				path,
				field.text.slice(0, field.object.getStart() + 1) +
					body(entries) +
					'\n' +
					field.text.slice(field.object.getEnd() - 1)
			);
		} else {
			mkdirSync(dir, { recursive: true });
			writeFileSync(path, catalogueText(bucket, locale, entries));
		}
	}
}
if (CHECK) {
	for (const e of wrong)
		console.error(`${e.key}: in the ${e.from} catalogue, belongs in ${bucketOf(e.key)}`);
	process.exit(wrong.length > 0 ? 1 : 0);
}
console.log(
	`${wrong.length} keys moved: ${wrong.map((e) => `${e.key} → ${bucketOf(e.key)}`).join(', ')}`
);
