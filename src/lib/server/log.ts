import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What every line logged while a request is handled carries. */
export interface RequestLogContext {
	requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestLogContext>();

/** Runs `fn` with `context` attached to every log line written inside it (awaits included). */
export function withRequestContext<T>(context: RequestLogContext, fn: () => T): T {
	return requestContext.run(context, fn);
}

/** The request id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
	return requestContext.getStore()?.requestId;
}

type Write = (line: string) => void;
const original = {
	log: console.log,
	info: console.info,
	warn: console.warn,
	error: console.error
};
let write: Record<'out' | 'err', Write> = {
	out: (line) => process.stdout.write(`${line}\n`),
	err: (line) => process.stderr.write(`${line}\n`)
};

/** Tests: capture lines instead of writing them. Returns a function that restores the default. */
export function captureLog(sink: Write): () => void {
	const before = write;
	write = { out: sink, err: sink };
	return () => {
		write = before;
	};
}

/** An error as plain fields: name, message, code, stack. */
export function errorFields(error: unknown): Record<string, unknown> {
	if (!(error instanceof Error)) return { error: String(error) };
	const code = (error as NodeJS.ErrnoException).code;
	return {
		error: {
			name: error.name,
			message: error.message,
			...(code === undefined ? {} : { code }),
			stack: error.stack
		}
	};
}

/**
 * Writes one JSON object on one line: `{ time, level, msg, requestId?, …fields }` (errors and
 * warnings to stderr). The request id comes from the request being handled.
 */
export function log(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
	const requestId = currentRequestId();
	const entry = {
		time: new Date().toISOString(),
		level,
		msg,
		...(requestId === undefined ? {} : { requestId }),
		...fields
	};
	let line: string;
	try {
		line = JSON.stringify(entry);
	} catch {
		line = JSON.stringify({ time: entry.time, level, msg, requestId, unserialisable: true });
	}
	(level === 'error' || level === 'warn' ? write.err : write.out)(line);
}

export const logger = {
	debug: (msg: string, fields?: Record<string, unknown>) => log('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => log('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => log('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => log('error', msg, fields)
};

let installed = false;

/**
 * Makes `console.log/info/warn/error` write the same JSON lines (a library's message becomes
 * `msg`; an Error argument becomes `error`), so the server's output is one JSON object per line.
 */
export function routeConsoleToLog(): void {
	if (installed) return;
	installed = true;
	const route =
		(level: LogLevel) =>
		(...args: unknown[]) => {
			const error = args.find((arg) => arg instanceof Error);
			const rest = args.filter((arg) => arg !== error);
			log(level, format(...rest), error ? errorFields(error) : {});
		};
	console.log = route('info');
	console.info = route('info');
	console.warn = route('warn');
	console.error = route('error');
}

/** Undoes `routeConsoleToLog` (tests). */
export function restoreConsole(): void {
	Object.assign(console, original);
	installed = false;
}
