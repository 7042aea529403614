import { afterEach, describe, expect, test, vi } from 'vitest';
import { PhotoError } from './photo-errors';
import { PhotoProcessor } from './photo-processor';
import { jpegMarkers, loadFixture, makeImage } from './photo-test-utils';

/** A real photo worker whose traffic is counted, to see that it is used one job at a time. */
function countingWorker() {
	const stats = { created: 0, posted: 0, answered: 0, maxInFlight: 0 };
	const create = () => {
		stats.created++;
		const worker = new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
		const post = worker.postMessage.bind(worker) as (message: unknown) => void;
		worker.postMessage = (message: unknown) => {
			stats.posted++;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.posted - stats.answered);
			post(message);
		};
		worker.addEventListener('message', () => stats.answered++);
		return worker;
	};
	return { stats, create };
}

let processor: PhotoProcessor | undefined;

afterEach(() => {
	processor?.dispose();
	processor = undefined;
	vi.unstubAllGlobals();
});

describe('PhotoProcessor', () => {
	test('processes several photos through one worker, one at a time, in order', async () => {
		const { stats, create } = countingWorker();
		processor = new PhotoProcessor({ createWorker: create });
		const files = await Promise.all([
			loadFixture('shelf-12mp-rot6.jpg'),
			loadFixture('checkout-portrait.jpg'),
			loadFixture('receipt.jpg'),
			loadFixture('entrance.png')
		]);
		const photos = await Promise.all(files.map((file) => processor!.process(file)));
		expect(photos.map((p) => [p.width, p.height])).toEqual([
			[1536, 2048],
			[1536, 2048],
			[945, 2048],
			[1280, 800]
		]);
		expect(photos.map((p) => p.sourceBytes)).toEqual(files.map((f) => f.size));
		for (const photo of photos) {
			expect(photo.type).toBe('image/jpeg');
			expect(jpegMarkers(photo.bytes)).not.toContain(0xe1);
			expect(photo.thumb.byteLength).toBeGreaterThan(0);
		}
		expect(stats).toEqual({ created: 1, posted: 4, answered: 4, maxInFlight: 1 });
	});

	test('the default worker URL works (as bundled by Vite)', async () => {
		const answers: unknown[] = [];
		vi.stubGlobal(
			'Worker',
			class extends Worker {
				constructor(url: string | URL, options?: WorkerOptions) {
					super(url, options);
					this.addEventListener('message', (event) => answers.push(event.data));
				}
			}
		);
		processor = new PhotoProcessor();
		const photo = await processor.process(await makeImage(800, 600), { maxEdge: 400 });
		expect([photo.width, photo.height]).toEqual([400, 300]);
		expect(answers).toHaveLength(1);
	});

	test('errors come back as PhotoError with their reason, and the queue carries on', async () => {
		const { stats, create } = countingWorker();
		processor = new PhotoProcessor({ createWorker: create });
		const results = await Promise.allSettled([
			processor.process(await loadFixture('not-an-image.jpg')),
			processor.process(await loadFixture('truncated.jpg')),
			processor.process(await makeImage(640, 480)),
			processor.process(new Blob([new Uint8Array(40 * 1024 * 1024 + 1)]))
		]);
		const reasons = results.map((r) =>
			r.status === 'rejected' && r.reason instanceof PhotoError ? r.reason.reason : r.status
		);
		expect(reasons).toEqual(['not_an_image', 'truncated', 'fulfilled', 'too_large']);
		expect(stats.created).toBe(1);
		expect(stats.maxInFlight).toBe(1);
	});

	test('runs on the main thread when workers are not wanted', async () => {
		processor = new PhotoProcessor({ useWorker: false });
		const photo = await processor.process(await loadFixture('checkout-portrait.jpg'));
		expect([photo.width, photo.height]).toEqual([1536, 2048]);
		await expect(processor.process(await loadFixture('truncated.jpg'))).rejects.toMatchObject({
			reason: 'truncated'
		});
	});

	test('falls back to the main thread when the worker cannot start', async () => {
		const broken = () =>
			new Worker(URL.createObjectURL(new Blob(['throw new Error("boom")'])), { type: 'module' });
		processor = new PhotoProcessor({ createWorker: broken });
		const photo = await processor.process(await makeImage(800, 600));
		expect([photo.width, photo.height]).toEqual([800, 600]);
	});

	test('dispose rejects what is queued with AbortError', async () => {
		processor = new PhotoProcessor();
		const file = await loadFixture('shelf-12mp-rot6.jpg');
		const jobs = [processor.process(file), processor.process(file)];
		processor.dispose();
		const results = await Promise.allSettled(jobs);
		for (const result of results) {
			expect(result.status).toBe('rejected');
			expect((result as PromiseRejectedResult).reason).toMatchObject({ name: 'AbortError' });
		}
		await expect(processor.process(file)).rejects.toMatchObject({ name: 'AbortError' });
	});
});
