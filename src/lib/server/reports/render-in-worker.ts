import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfJob } from './pdf-job';
import { REPORT_WORKER_ROLE } from './render-worker.js';

/**
 * The worker file on disk: next to this module (vitest, dev, or a build that copies it there),
 * else `SHOPWALK_REPORT_WORKER`, else the source file under the working directory (the
 * adapter-node build inlines this module but does not copy the worker file). Null if none exists.
 */
export function reportWorkerFile(): string | null {
	const candidates = [
		fileURLToPath(new URL('./render-worker.js', import.meta.url)),
		process.env.SHOPWALK_REPORT_WORKER,
		resolve(process.cwd(), 'src/lib/server/reports/render-worker.js')
	];
	return candidates.find((file) => file !== undefined && existsSync(file)) ?? null;
}

type WorkerReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * Renders a report job in a fresh worker thread, so the event loop stays free and the layout's
 * memory is returned when the worker ends. Rejects on a render error, a crash or `timeoutMs`.
 */
export function renderReportPdfInWorker(
	job: PdfJob,
	options: { timeoutMs?: number; maxHeapMb?: number } = {}
): Promise<Buffer> {
	const file = reportWorkerFile();
	if (file === null) return Promise.reject(new Error('The report worker file was not found'));
	const worker = new Worker(file, {
		workerData: { role: REPORT_WORKER_ROLE, job },
		resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 1024 }
	});
	return new Promise<Buffer>((resolve, reject) => {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			outcome();
			void worker.terminate();
		};
		const timer = setTimeout(
			() => settle(() => reject(new Error('Report rendering timed out'))),
			options.timeoutMs ?? 120_000
		);
		worker.once('message', (reply: WorkerReply) => {
			settle(() =>
				reply.ok
					? resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength))
					: reject(new Error(`Report rendering failed: ${reply.message}`))
			);
		});
		worker.once('error', (error) => settle(() => reject(error)));
		worker.once('exit', (code) =>
			settle(() => reject(new Error(`Report worker exited early (code ${code})`)))
		);
	});
}
