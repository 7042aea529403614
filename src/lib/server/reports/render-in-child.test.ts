import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderRequest } from './pdf-job';
import { renderInChildProcess } from './render-in-child';

/** A one-page job with no photos: renders in well under a second. */
function smallRequest(dir: string, text = 'Hej Ålborg – zażółć gęślą jaźń'): RenderRequest {
	return {
		job: {
			definition: { content: [{ text }], defaultStyle: { font: 'Roboto' } },
			header: { left: 'Shopwalk', right: 'test' },
			footer: { left: 'footer', pageOf: '{page}/{pages}' },
			sideMargin: 40,
			allowedRoots: [dir]
		},
		renditions: [],
		output: join(dir, 'out.pdf.tmp')
	};
}

describe('rendering in a child process', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'shopwalk-render-child-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('writes the PDF from another process at a lower priority and reports its figures', async () => {
		const request = smallRequest(dir);
		const result = await renderInChildProcess(request);
		const bytes = readFileSync(request.output);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(result.bytes).toBe(bytes.byteLength);
		expect(result.pid).not.toBe(process.pid);
		expect(result.niceness).toBe(10);
		expect(result.maxRssKb).toBeGreaterThan(10 * 1024);
	});

	it('can run at normal priority', async () => {
		const result = await renderInChildProcess(smallRequest(dir), { niceness: 0 });
		expect(result.niceness).toBe(0);
	});

	it('rejects with the reason when a rendition cannot be made, writing no PDF', async () => {
		const request = smallRequest(dir);
		request.renditions = [{ source: join(dir, 'gone.jpg'), target: join(dir, 'r', 'gone.jpg') }];
		await expect(renderInChildProcess(request)).rejects.toThrow(/Report rendering failed: .*gone/);
		expect(existsSync(request.output)).toBe(false);
	});

	it('refuses to read an image outside the allowed folders', async () => {
		const request = smallRequest(dir);
		request.job.definition = {
			content: [{ image: '/etc/passwd' }],
			defaultStyle: { font: 'Roboto' }
		};
		await expect(renderInChildProcess(request)).rejects.toThrow(/Report rendering failed/);
	});

	it('kills a renderer that takes longer than the timeout', async () => {
		const started = Date.now();
		await expect(renderInChildProcess(smallRequest(dir), { timeoutMs: 1 })).rejects.toThrow(
			'Report rendering timed out'
		);
		expect(Date.now() - started).toBeLessThan(5_000);
	});
});
