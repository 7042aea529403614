import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderRequest, RenderResult } from './pdf-job';
import { REPORT_RENDER_ROLE } from './render-process.js';

/**
 * The renderer's nice value. Layout and resizing are CPU-bound for seconds; at 10 the scheduler
 * gives request handling on the same core about ten times the renderer's share, so sync stays
 * responsive while reports are made (bench: server.sync-put.p99-during-reports).
 */
export const REPORT_RENDER_NICENESS = 10;

/**
 * The renderer file on disk: `SHOPWALK_REPORT_RENDERER` when set; next to this module (vitest,
 * dev); else `report-renderer.js` at the top of the production build (svelte.config.js copies
 * it there; this module is bundled into a chunk a level or two below); else the source file
 * under the working directory. Null if none exists.
 */
export function reportRendererFile(): string | null {
	const here = dirname(fileURLToPath(import.meta.url));
	const candidates = [
		process.env.SHOPWALK_REPORT_RENDERER,
		join(here, 'render-process.js'),
		...[0, 1, 2, 3].map((up) => join(here, ...Array<string>(up).fill('..'), 'report-renderer.js')),
		resolve(process.cwd(), 'src/lib/server/reports/render-process.js')
	];
	return candidates.find((file) => file !== undefined && existsSync(file)) ?? null;
}

function niceCommand(): string | null {
	return ['/usr/bin/nice', '/bin/nice'].find((file) => existsSync(file)) ?? null;
}

type Reply = { ok: true; result: RenderResult } | { ok: false; message: string };

export interface ChildRenderOptions {
	/** Killed and rejected after this long. Default 120 s. */
	timeoutMs?: number;
	/** V8 old-space limit of the renderer. Default 1024 MB. */
	maxHeapMb?: number;
	/** Nice value of the renderer (0 for none). Default `REPORT_RENDER_NICENESS`. */
	niceness?: number;
}

/**
 * Serves a render request in a fresh Node process started at a lower CPU priority (through
 * `nice`, so every thread of it, sharp's included, inherits the priority). The process exits
 * after its reply, taking the layout's memory with it. Rejects on a render error, a crash or the
 * timeout; the output file is then the caller's to remove.
 */
export function renderInChildProcess(
	request: RenderRequest,
	options: ChildRenderOptions = {}
): Promise<RenderResult> {
	const file = reportRendererFile();
	if (file === null) return Promise.reject(new Error('The report renderer file was not found'));
	const niceness = options.niceness ?? REPORT_RENDER_NICENESS;
	const nodeArgs = [`--max-old-space-size=${options.maxHeapMb ?? 1024}`, file, REPORT_RENDER_ROLE];
	const nice = niceness > 0 ? niceCommand() : null;
	const [command, args] = nice
		? [nice, ['-n', String(niceness), process.execPath, ...nodeArgs]]
		: [process.execPath, nodeArgs];
	const child = spawn(command, args, {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		serialization: 'advanced'
	});
	return new Promise<RenderResult>((resolve, reject) => {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			outcome();
		};
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			settle(() => reject(new Error('Report rendering timed out')));
		}, options.timeoutMs ?? 120_000);
		child.once('message', (reply: Reply) => {
			settle(() =>
				reply.ok
					? resolve(reply.result)
					: reject(new Error(`Report rendering failed: ${reply.message}`))
			);
		});
		child.once('error', (error) => settle(() => reject(error)));
		child.once('exit', (code, signal) =>
			settle(() =>
				reject(new Error(`Report renderer exited early (${signal ?? `code ${String(code)}`})`))
			)
		);
		child.send(request, (error) => {
			if (!error) return;
			child.kill('SIGKILL');
			settle(() => reject(error));
		});
	});
}
