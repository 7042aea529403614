import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize } from '$lib/domain/text';
import type { JourneyTemplate } from '$lib/domain/types';
import { createDiskPhotoStore } from '../files/photo-store';
import type { RenderResult } from './pdf-job';
import { closeSharedReportRenderer } from './render-in-child';
import { reportFileName, reportFilePath } from './report-files';
import { REPORT_PHOTO_EDGE, reportPhotoRoot } from './report-photos';
import { writeReportPdf } from './write-report-pdf';
import {
	largeContent,
	largeReportModel,
	largeTemplate,
	NATIONAL_LETTERS,
	pickNotes,
	writeLargePhotos
} from './testing/large-audit';

const PHOTO_COUNT = 60;
/** Text compared without any whitespace: line breaks and layout spacing fall where they may. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('the PDF report of a 150-checkpoint, 60-photo audit', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'shopwalk-report-'));
	const key = { organisationId: 'org-report-test', auditId: randomUUID() };
	const file = reportFileName(key.organisationId, key.auditId, 1);
	const pdfPath = reportFilePath(dataDir, file);
	let rendered: RenderResult;
	let template: JourneyTemplate;
	let notes: string[];
	let pdf: Buffer;
	let text: string;

	beforeAll(async () => {
		template = largeTemplate();
		notes = pickNotes(40);
		const content = largeContent(template, notes);
		const photos = await writeLargePhotos(
			createDiskPhotoStore(dataDir),
			key,
			template,
			PHOTO_COUNT
		);
		const model = largeReportModel(template, content, photos);
		rendered = await writeReportPdf({ dataDir, ...key, model, file });
		pdf = readFileSync(pdfPath);
		if (process.env.REPORT_PDF_OUT) copyFileSync(pdfPath, process.env.REPORT_PDF_OUT);
		text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024
		});
		console.info(
			`report: ${PHOTO_COUNT} photos, ${(pdf.byteLength / 1024 / 1024).toFixed(2)} MB, ` +
				`${(rendered.ms / 1000).toFixed(2)} s (renditions + layout in the renderer process), ` +
				`renderer peak RSS ${(rendered.maxRssKb / 1024).toFixed(0)} MB`
		);
	}, 60_000);

	afterAll(async () => {
		await closeSharedReportRenderer();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('is a structurally valid PDF (qpdf --check)', () => {
		const check = spawnSync('qpdf', ['--check', pdfPath], { encoding: 'utf8' });
		expect(check.status, check.stdout + check.stderr).toBe(0);
	});

	it('has a sane page count', () => {
		const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
		const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
		expect(pages).toBeGreaterThanOrEqual(10);
		expect(pages).toBeLessThanOrEqual(150);
	});

	it('contains every stage title and every checkpoint prompt in Danish', () => {
		const haystack = squash(text);
		for (const stage of template.stages) {
			expect(haystack, stage.id).toContain(squash(localize(stage.title, 'da')));
			for (const checkpoint of stage.checkpoints) {
				expect(haystack, checkpoint.id).toContain(squash(localize(checkpoint.prompt, 'da')));
			}
		}
		expect(text).toContain('Side 1 af');
		expect(text).toContain('Gik godt');
		expect(text).toContain('Gik galt');
	});

	it('keeps the Danish, Norwegian and Polish notes intact', () => {
		const haystack = squash(text);
		expect(notes.length).toBeGreaterThanOrEqual(NATIONAL_LETTERS.length);
		for (const note of notes) expect(haystack).toContain(squash(note));
		for (const letter of NATIONAL_LETTERS) expect(text, letter).toContain(letter);
	});

	it('embeds exactly 60 images, none over 1200 px', () => {
		const list = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' });
		const rows = list
			.split('\n')
			.slice(2)
			.filter((line) => line.trim() !== '')
			.map((line) => line.trim().split(/\s+/));
		expect(rows).toHaveLength(PHOTO_COUNT);
		for (const row of rows) {
			// Columns: page num type width height …
			expect(row[2]).toBe('image');
			expect(Number(row[3])).toBeLessThanOrEqual(REPORT_PHOTO_EDGE);
			expect(Number(row[4])).toBeLessThanOrEqual(REPORT_PHOTO_EDGE);
		}
	});

	it('is rendered by a separate, lower-priority process that left no temporary files', () => {
		expect(rendered.pid).not.toBe(process.pid);
		expect(rendered.niceness).toBeGreaterThan(0);
		expect(rendered.bytes).toBe(pdf.byteLength);
		const leftovers = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((name) =>
			name.endsWith('.tmp')
		);
		expect(leftovers).toEqual([]);
		expect(
			readdirSync(join(reportPhotoRoot(dataDir), key.organisationId, key.auditId))
		).toHaveLength(PHOTO_COUNT);
	});

	it('stays well under 15 MB', () => {
		expect(pdf.byteLength).toBeLessThan(15 * 1024 * 1024);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});
});
