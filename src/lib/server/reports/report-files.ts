import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** Where version `version` of an audit's report lives, relative to the data folder. */
export function reportFileName(organisationId: string, auditId: string, version: number): string {
	// Ids come from the database (server-made organisation ids, checked UUIDs); still, never let one
	// form a path outside the reports folder.
	for (const id of [organisationId, auditId]) {
		if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(id)) throw new Error(`Unsafe id in path: ${id}`);
	}
	return ['reports', organisationId, auditId, `v${version}.pdf`].join('/');
}

/** The bytes of a stored report, or null when the file is gone. */
export async function readReportFile(dataDir: string, file: string): Promise<Buffer | null> {
	try {
		return await readFile(reportFilePath(dataDir, file));
	} catch (error) {
		if ((error as { code?: string }).code === 'ENOENT') return null;
		throw error;
	}
}

/** The absolute path of a report file, refusing any that would lie outside the reports folder. */
export function reportFilePath(dataDir: string, file: string): string {
	const root = resolve(dataDir, 'reports');
	const target = resolve(dataDir, file);
	if (!target.startsWith(root + sep)) {
		throw new Error(`Report file outside the reports folder: ${file}`);
	}
	return target;
}
