import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'static/manifest.webmanifest'), 'utf8')) as {
	icons: { src: string; sizes: string; type: string; purpose: string }[];
	display: string;
	start_url: string;
};

describe('the app is installable', () => {
	it('lists PNG icons of 192 and 512 px and a maskable 512 px, each as big as it says', async () => {
		const png = manifest.icons.filter((icon) => icon.type === 'image/png');
		expect(png.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
			'192x192 any',
			'512x512 any',
			'512x512 maskable'
		]);
		for (const icon of png) {
			const meta = await sharp(join(root, 'static', icon.src)).metadata();
			expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
			expect(meta.format).toBe('png');
		}
		expect(manifest.display).toBe('standalone');
	});

	it('a maskable icon fills its square: its corners are opaque', async () => {
		const { data, info } = await sharp(join(root, 'static/icon-maskable-512.png'))
			.ensureAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		const alphaAt = (x: number, y: number) => data[(y * info.width + x) * info.channels + 3];
		for (const [x, y] of [
			[0, 0],
			[511, 0],
			[0, 511],
			[511, 511]
		])
			expect(alphaAt(x!, y!)).toBe(255);
	});

	it('the page names an apple-touch-icon and the iOS standalone meta', async () => {
		const html = readFileSync(join(root, 'src/app.html'), 'utf8');
		expect(html).toContain('rel="apple-touch-icon" href="/apple-touch-icon.png"');
		expect(html).toContain('name="apple-mobile-web-app-capable" content="yes"');
		const touch = await sharp(join(root, 'static/apple-touch-icon.png')).metadata();
		expect([touch.width, touch.height, touch.hasAlpha]).toEqual([180, 180, false]);
	});
});
