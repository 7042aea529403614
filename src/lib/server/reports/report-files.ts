import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/** Where version `version` of an audit's report lives, relative to the data folder. */
export function reportFileName(organisationId: string, auditId: string, version: number): string {
	// Ids come from the database (server-made organisation ids, checked UUIDs); still, never let one
	// form a path outside the reports folder.
	for (const id of [organisationId, auditId]) {
		if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id)) throw new Error(`Unsafe id in path: ${id}`);
	}
	return ['reports', organisationId, auditId, `v${version}.pdf`].join('/');
}

/**
 * Writes a report PDF atomically: a temporary file beside it, then a rename, so a reader sees
 * the whole file or none.
 */
export async function writeReportFile(
	dataDir: string,
	file: string,
	pdf: Uint8Array
): Promise<void> {
	const target = resolveReportFile(dataDir, file);
	await mkdir(dirname(target), { recursive: true });
	const temp = `${target}.${randomUUID()}.tmp`;
	try {
		await writeFile(temp, pdf);
		await rename(temp, target);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	}
}

/** The bytes of a stored report, or null when the file is gone. */
export async function readReportFile(dataDir: string, file: string): Promise<Buffer | null> {
	try {
		return await readFile(resolveReportFile(dataDir, file));
	} catch (error) {
		if ((error as { code?: string }).code === 'ENOENT') return null;
		throw error;
	}
}

function resolveReportFile(dataDir: string, file: string): string {
	const root = resolve(dataDir, 'reports');
	const target = resolve(dataDir, file);
	if (!target.startsWith(root + sep)) {
		throw new Error(`Report file outside the reports folder: ${file}`);
	}
	return target;
}
