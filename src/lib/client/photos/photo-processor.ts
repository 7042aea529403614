import { PhotoError, isPhotoErrorReason } from './photo-errors';
import { normaliseEdits, type PhotoEdit } from '$lib/domain/photo-edits';
import { editPhoto } from './edit-photo';
import { processPhoto, type ProcessedPhoto, type ProcessPhotoOptions } from './process-photo';
import type { PhotoJobRequest, PhotoJobResponse } from './photo-worker';

/** Options for {@link PhotoProcessor}. */
export interface PhotoProcessorOptions {
	/** Process in a dedicated worker when the browser supports it. Default true. */
	useWorker?: boolean;
	/** Creates the worker (for tests); defaults to the bundled photo-worker module. */
	createWorker?: () => Worker;
}

interface Job {
	id: number;
	blob: Blob;
	options: ProcessPhotoOptions | undefined;
	edits: PhotoEdit[] | undefined;
	resolve: (photo: ProcessedPhoto | Promise<ProcessedPhoto>) => void;
	reject: (error: unknown) => void;
}

function defaultWorker(): Worker {
	return new Worker(new URL('./photo-worker.ts', import.meta.url), {
		type: 'module',
		name: 'photo-worker'
	});
}

function runOnThisThread(
	blob: Blob,
	options: ProcessPhotoOptions | undefined,
	edits: PhotoEdit[] | undefined
): Promise<ProcessedPhoto> {
	return edits ? editPhoto(blob, edits, options) : processPhoto(blob, options);
}

function disposedError(): DOMException {
	return new DOMException('PhotoProcessor was disposed', 'AbortError');
}

/**
 * The app's photo pipeline: {@link processPhoto} in one lazily created worker, one photo at a
 * time (each decoded 12 MP photo holds tens of MB, and low-RAM tablets crash when several are in
 * flight). Falls back to the main thread when Worker or OffscreenCanvas is missing, or when the
 * worker fails to start.
 */
export class PhotoProcessor {
	readonly #createWorker: () => Worker;
	#useWorker: boolean;
	#worker: Worker | undefined;
	#workerAnswered = false;
	#current: Job | undefined;
	#queue: Promise<unknown> = Promise.resolve();
	#nextId = 1;
	#disposed = false;

	constructor(options: PhotoProcessorOptions = {}) {
		this.#createWorker = options.createWorker ?? defaultWorker;
		this.#useWorker =
			(options.useWorker ?? true) &&
			typeof Worker !== 'undefined' &&
			typeof OffscreenCanvas !== 'undefined';
	}

	/**
	 * Queues a photo and resolves with the processed JPEG and thumbnail once the photos queued
	 * before it are done.
	 *
	 * @throws {PhotoError} with the pipeline's reason (see processPhoto).
	 * @throws {DOMException} `AbortError` when the processor is disposed before the photo is done.
	 */
	process(blob: Blob, options?: ProcessPhotoOptions): Promise<ProcessedPhoto> {
		return this.#enqueue(blob, options, undefined);
	}

	/**
	 * Queues the flattening of a stored original with `edits` (see editPhoto) behind the photos
	 * queued before it, in the same worker.
	 *
	 * @throws {PhotoError} `decode_failed`, `encode_failed`.
	 */
	edit(original: Blob, edits: PhotoEdit[], options?: ProcessPhotoOptions): Promise<ProcessedPhoto> {
		// Plain copies: a reactive proxy cannot be posted to the worker.
		return this.#enqueue(original, options, normaliseEdits(edits));
	}

	/** The edits as {@link edit} draws them: valid ones only, as plain data. */
	normalise(edits: unknown): PhotoEdit[] {
		return normaliseEdits(edits);
	}

	#enqueue(
		blob: Blob,
		options: ProcessPhotoOptions | undefined,
		edits: PhotoEdit[] | undefined
	): Promise<ProcessedPhoto> {
		if (this.#disposed) return Promise.reject(disposedError());
		const run = () => this.#run(blob, options, edits);
		const result = this.#queue.then(run, run);
		this.#queue = result.catch(() => undefined);
		return result;
	}

	/** Stops the worker and rejects the photos still in progress or queued, with `AbortError`. */
	dispose(): void {
		this.#disposed = true;
		this.#stopWorker();
		const job = this.#current;
		this.#current = undefined;
		job?.reject(disposedError());
	}

	#run(
		blob: Blob,
		options: ProcessPhotoOptions | undefined,
		edits: PhotoEdit[] | undefined
	): Promise<ProcessedPhoto> {
		if (this.#disposed) return Promise.reject(disposedError());
		if (!this.#useWorker) return runOnThisThread(blob, options, edits);
		return new Promise<ProcessedPhoto>((resolve, reject) => {
			const job: Job = { id: this.#nextId++, blob, options, edits, resolve, reject };
			this.#current = job;
			const request: PhotoJobRequest = { id: job.id, blob, options, ...(edits && { edits }) };
			try {
				this.#ensureWorker().postMessage(request);
			} catch (error) {
				this.#workerFailed(error);
			}
		});
	}

	#ensureWorker(): Worker {
		if (this.#worker) return this.#worker;
		const worker = this.#createWorker();
		worker.addEventListener('message', (event: MessageEvent<PhotoJobResponse>) =>
			this.#onMessage(event.data)
		);
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			this.#workerFailed(event instanceof ErrorEvent ? event.message : 'worker error');
		});
		worker.addEventListener('messageerror', () => {
			const job = this.#current;
			this.#current = undefined;
			job?.reject(new PhotoError('decode_failed', 'photo worker sent an unreadable message'));
		});
		this.#worker = worker;
		return worker;
	}

	#onMessage(response: PhotoJobResponse): void {
		this.#workerAnswered = true;
		const job = this.#current;
		if (!job || job.id !== response.id) return;
		this.#current = undefined;
		if (response.ok) {
			job.resolve(response.photo);
		} else if (isPhotoErrorReason(response.reason)) {
			job.reject(new PhotoError(response.reason, response.message));
		} else {
			const error = new Error(response.message);
			error.name = response.name;
			job.reject(error);
		}
	}

	/** The worker crashed or never started: drop it, and if it never worked, stop using workers. */
	#workerFailed(cause: unknown): void {
		this.#stopWorker();
		const job = this.#current;
		this.#current = undefined;
		if (!this.#workerAnswered) this.#useWorker = false;
		if (!job) return;
		if (!this.#useWorker) job.resolve(runOnThisThread(job.blob, job.options, job.edits));
		else job.reject(new PhotoError('decode_failed', `photo worker failed: ${String(cause)}`));
	}

	#stopWorker(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}
