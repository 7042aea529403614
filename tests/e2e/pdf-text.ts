import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a PDF as Debian's pdftotext reads it: what a reader's copy-paste would give. */
export async function pdfToText(bytes: Buffer): Promise<string> {
	const folder = mkdtempSync(join(tmpdir(), 'shopwalk-pdf-'));
	try {
		const file = join(folder, 'report.pdf');
		writeFileSync(file, bytes);
		return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}
