import { describe, expect, it } from 'vitest';
import { fixturePhoto } from '../testing/complete-audit';
import { inspectJpeg } from './jpeg';

describe('inspectJpeg', () => {
	it('reads the dimensions of real camera JPEGs', () => {
		expect(inspectJpeg(fixturePhoto('receipt.jpg'))).toEqual({
			ok: true,
			width: 1200,
			height: 2600
		});
		expect(inspectJpeg(fixturePhoto('shelf-12mp-rot6.jpg'))).toEqual({
			ok: true,
			width: 4032,
			height: 3024
		});
		expect(inspectJpeg(fixturePhoto('checkout-portrait.jpg'))).toEqual({
			ok: true,
			width: 3024,
			height: 4032
		});
	});

	it('refuses HTML named .jpg, a PNG and empty bytes as not a JPEG', () => {
		for (const bytes of [
			fixturePhoto('not-an-image.jpg'),
			fixturePhoto('entrance.png'),
			new Uint8Array(0)
		]) {
			expect(inspectJpeg(bytes)).toEqual({ ok: false, problem: 'not_a_jpeg' });
		}
	});

	it('refuses a JPEG cut short, and one cut just before its EOI', () => {
		expect(inspectJpeg(fixturePhoto('truncated.jpg'))).toEqual({
			ok: false,
			problem: 'truncated_jpeg'
		});
		const whole = fixturePhoto('receipt.jpg');
		expect(inspectJpeg(whole.subarray(0, whole.length - 2))).toEqual({
			ok: false,
			problem: 'truncated_jpeg'
		});
	});

	it('refuses a frame wider than 4096 px or of zero height', () => {
		const bytes = fixturePhoto('receipt.jpg').slice();
		const sof = findSof(bytes);
		const wide = bytes.slice();
		wide[sof + 7] = 0x13; // width 0x1388 = 5000
		wide[sof + 8] = 0x88;
		expect(inspectJpeg(wide)).toEqual({ ok: false, problem: 'bad_dimensions' });
		const flat = bytes.slice();
		flat[sof + 5] = 0;
		flat[sof + 6] = 0;
		expect(inspectJpeg(flat)).toEqual({ ok: false, problem: 'bad_dimensions' });
	});
});

/** Offset of the SOF0 marker (FF C0) of a baseline JPEG. */
function findSof(bytes: Uint8Array): number {
	for (let i = 2; i < bytes.length - 1; i++) {
		if (bytes[i] === 0xff && bytes[i + 1] === 0xc0) return i;
	}
	throw new Error('no SOF0');
}
