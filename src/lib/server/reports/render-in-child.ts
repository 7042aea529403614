import { spawn, type ChildProcess } from 'node:child_process';
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

type Reply =
	| { id: number; ok: true; result: RenderResult; retire: boolean }
	| { id: number; ok: false; message: string; retire: boolean };

export interface ChildRenderOptions {
	/** A job taking longer is failed and its process killed. Default 120 s. */
	timeoutMs?: number;
	/** V8 old-space limit of the renderer. Default 1024 MB. */
	maxHeapMb?: number;
	/** Nice value of the renderer (0 for none). Default `REPORT_RENDER_NICENESS`. */
	niceness?: number;
	/** An idle renderer process is ended after this long. Default 30 s. */
	idleMs?: number;
}

interface InFlight {
	id: number;
	child: ChildProcess;
	settle: (outcome: { result: RenderResult } | { error: Error }) => void;
}

/**
 * Renders report jobs in a separate Node process started at a lower CPU priority (through `nice`,
 * so every thread of it, sharp's included, inherits the priority), one job at a time. The process
 * is started on the first job and kept while jobs keep coming (loading pdfmake and warming its
 * layout code costs about half a second a job otherwise); it is ended after `idleMs` without work,
 * replaced when it retires itself (after many jobs or once it has grown large), and killed and
 * replaced when a job times out or it crashes — failing only that job. While idle it does not keep
 * the server process alive.
 */
export class ReportRenderer {
	readonly #options: Required<ChildRenderOptions>;
	#child: ChildProcess | null = null;
	#inFlight: InFlight | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	#idleTimer: NodeJS.Timeout | null = null;
	#nextId = 0;

	constructor(options: ChildRenderOptions = {}) {
		this.#options = {
			timeoutMs: options.timeoutMs ?? 120_000,
			maxHeapMb: options.maxHeapMb ?? 1024,
			niceness: options.niceness ?? REPORT_RENDER_NICENESS,
			idleMs: options.idleMs ?? 30_000
		};
	}

	/** Renders one request after any queued before it. Rejects on a render error, a crash or the timeout. */
	render(request: RenderRequest): Promise<RenderResult> {
		const run = this.#queue.then(() => this.#renderNow(request));
		this.#queue = run.catch(() => undefined);
		return run;
	}

	/** The renderer process's id, if one is running. */
	get pid(): number | null {
		return this.#child?.pid ?? null;
	}

	/** Ends the renderer process (a job in flight fails). */
	async close(): Promise<void> {
		this.#clearIdleTimer();
		const child = this.#child;
		this.#child = null;
		if (child) await stopProcess(child);
	}

	#renderNow(request: RenderRequest): Promise<RenderResult> {
		this.#clearIdleTimer();
		let child: ChildProcess;
		try {
			child = this.#child ?? this.#spawn();
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
		this.#child = child;
		child.ref();
		child.channel?.ref();
		const id = ++this.#nextId;
		return new Promise<RenderResult>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.#retire(child, true);
				settle({ error: new Error('Report rendering timed out') });
			}, this.#options.timeoutMs);
			const settle: InFlight['settle'] = (outcome) => {
				if (this.#inFlight?.id !== id) return;
				this.#inFlight = null;
				clearTimeout(timer);
				this.#rest(child);
				if ('result' in outcome) resolve(outcome.result);
				else reject(outcome.error);
			};
			this.#inFlight = { id, child, settle };
			child.send({ id, request }, (error) => {
				if (!error) return;
				this.#retire(child, true);
				settle({ error });
			});
		});
	}

	#spawn(): ChildProcess {
		const file = reportRendererFile();
		if (file === null) throw new Error('The report renderer file was not found');
		const { niceness, maxHeapMb } = this.#options;
		const nodeArgs = [`--max-old-space-size=${maxHeapMb}`, file, REPORT_RENDER_ROLE];
		const nice = niceness > 0 ? niceCommand() : null;
		const [command, args] = nice
			? [nice, ['-n', String(niceness), process.execPath, ...nodeArgs]]
			: [process.execPath, nodeArgs];
		const child = spawn(command, args, {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			serialization: 'advanced'
		});
		child.on('message', (reply: Reply) => {
			const job = this.#inFlight;
			if (reply.retire) this.#retire(child, false);
			if (!job || job.child !== child || job.id !== reply.id) return;
			job.settle(
				reply.ok
					? { result: reply.result }
					: { error: new Error(`Report rendering failed: ${reply.message}`) }
			);
		});
		child.on('error', (error) => this.#failInFlight(child, error));
		child.on('exit', (code, signal) => {
			if (this.#child === child) this.#child = null;
			this.#failInFlight(
				child,
				new Error(`Report renderer exited early (${signal ?? `code ${String(code)}`})`)
			);
		});
		return child;
	}

	#failInFlight(child: ChildProcess, error: Error): void {
		const job = this.#inFlight;
		if (job && job.child === child) job.settle({ error });
	}

	/** Stops using `child`; `kill` ends it now (else it exits by itself after its reply). */
	#retire(child: ChildProcess, kill: boolean): void {
		if (this.#child === child) this.#child = null;
		if (kill) child.kill('SIGKILL');
	}

	/** Between jobs: the process must not keep the server alive, and goes after `idleMs`. */
	#rest(child: ChildProcess): void {
		if (this.#child !== child) return;
		child.channel?.unref();
		child.unref();
		this.#idleTimer = setTimeout(() => void this.close(), this.#options.idleMs);
		this.#idleTimer.unref();
	}

	#clearIdleTimer(): void {
		if (this.#idleTimer) clearTimeout(this.#idleTimer);
		this.#idleTimer = null;
	}
}

async function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
	await exited;
	clearTimeout(timer);
}

/** Renders one request in a fresh renderer process that is ended afterwards. */
export async function renderInChildProcess(
	request: RenderRequest,
	options: ChildRenderOptions = {}
): Promise<RenderResult> {
	const renderer = new ReportRenderer(options);
	try {
		return await renderer.render(request);
	} finally {
		await renderer.close();
	}
}

let shared: ReportRenderer | null = null;

/** This server process's renderer (the report runner's). */
export function sharedReportRenderer(): ReportRenderer {
	shared ??= new ReportRenderer();
	return shared;
}

/** Ends the shared renderer's process, if any (on shutdown). */
export async function closeSharedReportRenderer(): Promise<void> {
	await shared?.close();
}
