import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderRequest } from './pdf-job';
import { renderInChildProcess, ReportRenderer } from './render-in-child';

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

	describe('a renderer kept warm between jobs', () => {
		let renderer: ReportRenderer | undefined;
		afterEach(async () => {
			await renderer?.close();
			renderer = undefined;
		});
		const alive = (pid: number) => {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		};

		it('serves consecutive and queued jobs from one process', async () => {
			renderer = new ReportRenderer();
			const first = await renderer.render({ ...smallRequest(dir), output: join(dir, '1.tmp') });
			const [second, third] = await Promise.all([
				renderer.render({ ...smallRequest(dir, 'to'), output: join(dir, '2.tmp') }),
				renderer.render({ ...smallRequest(dir, 'tre'), output: join(dir, '3.tmp') })
			]);
			expect(second.pid).toBe(first.pid);
			expect(third.pid).toBe(first.pid);
			for (const name of ['1.tmp', '2.tmp', '3.tmp']) {
				expect(readFileSync(join(dir, name)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
			}
		});

		it('keeps the process after a failed job, and the next job succeeds', async () => {
			renderer = new ReportRenderer();
			const bad = smallRequest(dir);
			bad.renditions = [{ source: join(dir, 'gone.jpg'), target: join(dir, 'r', 'gone.jpg') }];
			await expect(renderer.render(bad)).rejects.toThrow(/gone/);
			const pid = renderer.pid;
			expect(pid).not.toBeNull();
			const next = await renderer.render(smallRequest(dir));
			expect(next.pid).toBe(pid);
		});

		it('kills a process whose job times out and starts a fresh one for the next job', async () => {
			renderer = new ReportRenderer({ timeoutMs: 1 });
			await expect(renderer.render(smallRequest(dir))).rejects.toThrow('timed out');
			renderer = new ReportRenderer();
			const result = await renderer.render(smallRequest(dir));
			expect(result.bytes).toBeGreaterThan(0);
		});

		it('replaces a process that died between jobs', async () => {
			renderer = new ReportRenderer();
			const first = await renderer.render(smallRequest(dir));
			process.kill(first.pid, 'SIGKILL');
			await expect.poll(() => alive(first.pid)).toBe(false);
			const second = await renderer.render(smallRequest(dir));
			expect(second.pid).not.toBe(first.pid);
		});

		it('ends an idle process, and close() ends it at once', async () => {
			renderer = new ReportRenderer({ idleMs: 100 });
			const idle = await renderer.render(smallRequest(dir));
			await expect.poll(() => alive(idle.pid), { timeout: 5_000 }).toBe(false);
			const busy = await renderer.render(smallRequest(dir));
			expect(busy.pid).not.toBe(idle.pid);
			await renderer.close();
			await expect.poll(() => alive(busy.pid), { timeout: 5_000 }).toBe(false);
		});
	});
});
