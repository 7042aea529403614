import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import imageCompression, { type Options as PeerOptions } from 'browser-image-compression';
// The peer's worker importScripts() its UMD build from a CDN by default; there is no internet
// here, so point it at the installed copy. Without this it silently falls back to the main thread.
import peerLibUrl from 'browser-image-compression/dist/browser-image-compression.js?url';
import { PhotoProcessor } from '$lib/client/photos/photo-processor';
import { processPhoto } from '$lib/client/photos/process-photo';
import { loadFixture } from '$lib/client/photos/photo-test-utils';
import { median, writeBenchRows, type BenchRow } from './report';

// Two 12 MP camera JPEGs: one stored landscape with EXIF orientation 6, one portrait.
const INPUTS = ['shelf-12mp-rot6.jpg', 'checkout-portrait.jpg'];
const WARM_UP_ROUNDS = 2;
const MEASURED_ROUNDS = 10;
const PEER = 'browser-image-compression 2.0.2';
const PARTS_FILE = 'bench/results/parts/photo-pipeline.json';

type Variant = 'oursWorker' | 'peerWorker' | 'oursMain' | 'peerMain';
interface Sample {
	ms: number;
	bytes: number;
	input: string;
}

const peerOptions: PeerOptions = {
	maxWidthOrHeight: 2048,
	initialQuality: 0.8,
	// No size target, so it encodes once instead of iterating on quality.
	maxSizeMB: Number.POSITIVE_INFINITY,
	fileType: 'image/jpeg',
	preserveExif: false,
	libURL: new URL(peerLibUrl, location.href).href
};

/** Counts result messages from workers, to prove both sides really ran in a worker. */
function watchWorkers(): { results: { ours: number; peer: number }; restore: () => void } {
	const results = { ours: 0, peer: 0 };
	const Original = globalThis.Worker;
	globalThis.Worker = class extends Original {
		constructor(url: string | URL, options?: WorkerOptions) {
			super(url, options);
			this.addEventListener('message', (event: MessageEvent) => {
				const data: unknown = event.data;
				if (typeof data !== 'object' || data === null) return;
				if ('ok' in data) results.ours++;
				if ('file' in data) results.peer++;
			});
		}
	};
	return { results, restore: () => (globalThis.Worker = Original) };
}

async function longEdge(data: Blob | ArrayBuffer): Promise<number> {
	const bitmap = await createImageBitmap(data instanceof Blob ? data : new Blob([data]));
	const edge = Math.max(bitmap.width, bitmap.height);
	bitmap.close();
	return edge;
}

test('photo pipeline vs browser-image-compression', async () => {
	const files = await Promise.all(INPUTS.map((name) => loadFixture(name)));
	const processor = new PhotoProcessor();

	const run: Record<Variant, (file: File) => Promise<Blob | ArrayBuffer>> = {
		oursWorker: async (file) => (await processor.process(file)).bytes,
		peerWorker: (file) => imageCompression(file, { ...peerOptions, useWebWorker: true }),
		oursMain: async (file) => (await processPhoto(file)).bytes,
		peerMain: (file) => imageCompression(file, { ...peerOptions, useWebWorker: false })
	};
	const samples: Record<Variant, Sample[]> = {
		oursWorker: [],
		peerWorker: [],
		oursMain: [],
		peerMain: []
	};

	const watch = watchWorkers();
	try {
		for (let round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
			// Interleaved, and who goes first alternates, so drift and caches favour neither.
			const order: Variant[][] =
				round % 2
					? [
							['peerWorker', 'oursWorker'],
							['peerMain', 'oursMain']
						]
					: [
							['oursWorker', 'peerWorker'],
							['oursMain', 'peerMain']
						];
			for (const file of files) {
				for (const variant of order.flat()) {
					const start = performance.now();
					const output = await run[variant](file);
					const ms = performance.now() - start;
					const bytes = output instanceof Blob ? output.size : output.byteLength;
					if (round === 0) expect(await longEdge(output), `${variant} long edge`).toBe(2048);
					if (round >= WARM_UP_ROUNDS) samples[variant].push({ ms, bytes, input: file.name });
				}
			}
		}
	} finally {
		watch.restore();
		processor.dispose();
	}
	const calls = (WARM_UP_ROUNDS + MEASURED_ROUNDS) * files.length;
	expect(watch.results).toEqual({ ours: calls, peer: calls });

	const ms = (v: Variant) => median(samples[v].map((s) => s.ms));
	const bytes = (v: Variant) => median(samples[v].map((s) => s.bytes));
	const inputs = `${INPUTS.join(', ')} (shared fixtures), ${MEASURED_ROUNDS} interleaved runs each after ${WARM_UP_ROUNDS} warm-up`;
	const mainRatio = ms('oursMain') / ms('peerMain');
	const time = {
		value: ms('oursWorker'),
		peerValue: ms('peerWorker'),
		ratio: ms('oursWorker') / ms('peerWorker')
	};
	const size = {
		value: bytes('oursWorker'),
		peerValue: bytes('peerWorker'),
		ratio: bytes('oursWorker') / bytes('peerWorker')
	};
	const rows: BenchRow[] = [
		{
			id: 'photo-pipeline.time',
			...time,
			unit: 'ms',
			peer: PEER,
			budget: '<= 0.9x',
			pass: time.ratio <= 0.9,
			note:
				`Median ms per 12 MP photo to a 2048 px JPEG q0.8. Ours: PhotoProcessor (its module worker, ` +
				`processPhoto incl. the 320 px thumbnail); peer: useWebWorker true with libURL set to the ` +
				`local build (it starts a worker per call). Main thread, processPhoto vs useWebWorker ` +
				`false: ${ms('oursMain').toFixed(0)} vs ${ms('peerMain').toFixed(0)} ms ` +
				`(${mainRatio.toFixed(2)}x). Inputs: ${inputs}.`
		},
		{
			id: 'photo-pipeline.bytes',
			...size,
			unit: 'bytes',
			peer: PEER,
			budget: '0.8x-1.2x',
			pass: size.ratio >= 0.8 && size.ratio <= 1.2,
			note: `Median output size, same runs as photo-pipeline.time (both quality 0.8, long edge 2048).`
		}
	];
	for (const name of INPUTS) {
		const line = (Object.keys(samples) as Variant[]).map((v) => {
			const own = samples[v].filter((s) => s.input === name);
			return `${v} ${median(own.map((s) => s.ms)).toFixed(0)} ms ${median(own.map((s) => s.bytes))} B`;
		});
		console.log(`${name}: ${line.join(' | ')}`);
	}

	await writeBenchRows('photo-pipeline', rows);
	const written = JSON.parse(await commands.readFile(PARTS_FILE)) as BenchRow[];
	expect(written.map((row) => row.id)).toEqual(['photo-pipeline.time', 'photo-pipeline.bytes']);
	for (const row of written) {
		expect(row.value).toBeGreaterThan(0);
		expect(row.peerValue).toBeGreaterThan(0);
		expect(Number.isFinite(row.ratio)).toBe(true);
	}
	expect(samples.oursWorker).toHaveLength(MEASURED_ROUNDS * files.length);
});
