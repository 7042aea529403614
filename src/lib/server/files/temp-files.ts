import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
	instanceIdentity,
	isDeadLocalProcess,
	parseTempTag,
	processIsAlive,
	type InstanceIdentity
} from '../instance';

/** The folders of the data folder that writes go to through temporary files. */
export const TEMP_FILE_FOLDERS = ['photos', 'reports', 'report-photos'] as const;

/**
 * A temporary file is certainly abandoned once it has not changed for this long: every live write
 * ends sooner (a request's body within the server's request timeout, a report within the
 * renderer's 2-minute timeout) and a write in progress keeps touching its file.
 */
export const TEMP_FILE_MAX_AGE_MS = 10 * 60_000;

let own: string | undefined;

/** This process's tag for the temporary files it writes (`host~pid`). */
export function ownTempTag(): string {
	own ??= instanceIdentity().tempTag;
	return own;
}

/** A temporary name beside `target` naming its writer: `${target}.${uuid}.${host}~${pid}.tmp`. */
export function tempPathFor(target: string, tag: string = ownTempTag()): string {
	return `${target}.${randomUUID()}.${tag}.tmp`;
}

export interface SweepOptions {
	now: number;
	maxAgeMs?: number;
	/** This process (its host and pid); default the current one. */
	self?: Pick<InstanceIdentity, 'host' | 'pid'>;
	alive?: (pid: number) => boolean;
}

/**
 * Removes abandoned temporary files (`*.tmp`) under the data folder's photo, report and rendition
 * folders: any not modified for `maxAgeMs` (default 10 minutes), and at once those written by a
 * process of this host that no longer runs (a crash; their name carries the writer). A file of a
 * live process or of another host that is still young is left alone: another instance sharing the
 * folder may be writing it right now. Returns the paths removed.
 */
export async function sweepTempFiles(dataDir: string, options: SweepOptions): Promise<string[]> {
	const maxAgeMs = options.maxAgeMs ?? TEMP_FILE_MAX_AGE_MS;
	const self = options.self ?? { host: instanceIdentity().host, pid: process.pid };
	const alive = options.alive ?? processIsAlive;
	const removed: string[] = [];
	for (const folder of TEMP_FILE_FOLDERS) {
		for (const path of await tempFilesUnder(join(dataDir, folder))) {
			const info = await stat(path).catch(() => null);
			if (!info?.isFile()) continue;
			const old = options.now - info.mtimeMs > maxAgeMs;
			if (old || isDeadLocalProcess(parseTempTag(basename(path)), self, alive)) {
				await rm(path, { force: true });
				removed.push(path);
			}
		}
	}
	return removed;
}

async function tempFilesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
	const found: string[] = [];
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) found.push(...(await tempFilesUnder(path)));
		else if (entry.isFile() && entry.name.endsWith('.tmp')) found.push(path);
	}
	return found;
}
