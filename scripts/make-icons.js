// Makes the app's PNG icons from static/icon.svg: 192 and 512 px (purpose "any"), a maskable
// 512 px (full-bleed background, the mark inside the 80 % safe zone) and the 180 px
// apple-touch-icon (opaque: iOS rounds the corners itself). Run: node scripts/make-icons.js
import sharp from 'sharp';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'static/icon.svg'), 'utf8');
const BRAND = '#1f4e79';
// The mark alone (the white S), on the same 512 × 512 grid.
const mark = svg.match(/<path[^>]*\/>/)?.[0];
if (!mark) throw new Error('static/icon.svg has no <path> mark');

/** The mark scaled to `scale` of the icon, centred on a full square of the brand colour. */
function fullBleed(size, scale) {
	const inner = Math.round(size * scale);
	const offset = Math.round((size - inner) / 2);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><rect width="${size}" height="${size}" fill="${BRAND}"/><svg x="${offset}" y="${offset}" width="${inner}" height="${inner}" viewBox="0 0 512 512">${mark}</svg></svg>`;
}

const outputs = [
	// Rendered at twice the size (density 144 = 1024 px for the 512 grid), then scaled down.
	['static/icon-192.png', sharp(Buffer.from(svg), { density: 144 }).resize(192, 192)],
	['static/icon-512.png', sharp(Buffer.from(svg), { density: 144 }).resize(512, 512)],
	[
		'static/icon-maskable-512.png',
		sharp(Buffer.from(fullBleed(512, 0.8)), { density: 144 }).resize(512, 512)
	],
	[
		'static/apple-touch-icon.png',
		sharp(Buffer.from(fullBleed(180, 0.9)), { density: 144 })
			.resize(180, 180)
			.flatten({ background: BRAND })
	]
];
for (const [path, image] of outputs) {
	await image.png({ compressionLevel: 9 }).toFile(join(root, path));
	console.log(`wrote ${path}`);
}
