import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '$lib/domain/report-model';
import { scoreAudit } from '$lib/domain/scoring';
import { localize } from '$lib/domain/text';
import type { JourneyTemplate } from '$lib/domain/types';
import { createDiskPhotoStore } from '../files/photo-store';
import { makeReportPdf } from './make-report-pdf';
import { REPORT_PHOTO_EDGE } from './report-photos';
import {
	largeContent,
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
	const pdfPath = join(dataDir, 'report.pdf');
	const key = { organisationId: 'org-report-test', auditId: randomUUID() };
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
		const model = buildReportModel({
			template,
			content,
			score: scoreAudit(
				template,
				new Map(content.answers.map((answer) => [answer.checkpointId, answer.value]))
			),
			photos,
			organisationName: 'Elkæden A/S',
			shopperPseudonym: 'Shopper 17',
			reportLocale: 'da',
			generatedAt: Date.UTC(2025, 9, 10, 12, 0)
		});
		const started = performance.now();
		pdf = await makeReportPdf({ dataDir, ...key, model });
		const seconds = (performance.now() - started) / 1000;
		writeFileSync(pdfPath, pdf);
		if (process.env.REPORT_PDF_OUT) writeFileSync(process.env.REPORT_PDF_OUT, pdf);
		text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], {
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024
		});
		const peakRssMb = process.resourceUsage().maxRSS / 1024;
		console.info(
			`report: ${PHOTO_COUNT} photos, ${(pdf.byteLength / 1024 / 1024).toFixed(2)} MB, ` +
				`${seconds.toFixed(2)} s (renditions + layout in a worker), peak RSS ${peakRssMb.toFixed(0)} MB`
		);
	}, 60_000);

	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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

	it('stays well under 15 MB', () => {
		expect(pdf.byteLength).toBeLessThan(15 * 1024 * 1024);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});
});
