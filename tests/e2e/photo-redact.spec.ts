import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { fixture, goOffline, plannedAnswer, waitForServiceWorker, walkStages } from './field-walk';
import { pdfToText } from './pdf-text';
import { MANAGER, signIn } from './sign-in';

// Evidence made on the tablet: a photo annotated and redacted offline (arrow, pixelated box),
// an edit undone before submitting, the report read on the tablet before sending; then the sync,
// and the PDF's image is the device's upload, with the arrow, and its text agrees with the
// preview on every score, stage, checkpoint answer and note.

const SHOPPER = 'shopper17@nordlys.example';
// At the Galaxy Tab's own 640 px the field header is 19 px too wide, the page zooms out and
// clicks land off target (the lead's `field` branch); 800 px is a tablet too.
test.use({ viewport: { width: 800, height: 1280 } });
const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;
const NARRATIVE = 'Calm visit; the employee took the complaint seriously.';
const NEGATIVE = template.stages
	.flatMap((stage) => stage.checkpoints)
	.find((c) => c.id === 'solution.written-confirmation')!;
const NOTE = 'Nobody offered a written case number.';

/** Where the edits go, as fractions of the photo. */
const BOX = { x0: 0.2, y0: 0.4, x1: 0.62, y1: 0.6 };
const ARROW = { from: { x: 0.7, y: 0.65 }, to: { x: 0.9, y: 0.85 }, mid: { x: 0.8, y: 0.75 } };

async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

/** Drags a finger (a mouse here; the editor listens to pointer events) across the canvas. */
async function drag(
	canvas: Locator,
	from: { x: number; y: number },
	to: { x: number; y: number }
): Promise<void> {
	const box = (await canvas.boundingBox())!;
	const page = canvas.page();
	await page.mouse.move(box.x + from.x * box.width, box.y + from.y * box.height);
	await page.mouse.down();
	for (let step = 1; step <= 8; step++) {
		await page.mouse.move(
			box.x + (from.x + ((to.x - from.x) * step) / 8) * box.width,
			box.y + (from.y + ((to.y - from.y) * step) / 8) * box.height
		);
	}
	await page.mouse.up();
}

/** The audit's general photo as stored on the device: id, bytes, and whether an original is kept. */
async function storedGeneralPhoto(page: Page, auditId: string) {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('shopwalk');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const get = <T>(store: string) =>
			new Promise<T[]>((resolve, reject) => {
				const request = db.transaction(store).objectStore(store).index('by-audit').getAll(id);
				request.onsuccess = () => resolve(request.result as T[]);
				request.onerror = () => reject(request.error);
			});
		const metas = await get<{ id: string; kind: string; edits?: unknown[] }>('photos');
		const bytes = await get<{ photoId: string; bytes: ArrayBuffer; original?: ArrayBuffer }>(
			'photoBytes'
		);
		db.close();
		const meta = metas.find((m) => m.kind === 'general')!;
		const stored = bytes.find((b) => b.photoId === meta.id)!;
		let binary = '';
		const view = new Uint8Array(stored.bytes);
		for (let i = 0; i < view.length; i += 0x8000) {
			binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
		}
		return {
			id: meta.id,
			edits: meta.edits?.length ?? 0,
			base64: btoa(binary),
			hasOriginal: stored.original !== undefined
		};
	}, auditId);
}

/** RGB at a point given as fractions, and the raw pixels, of a JPEG. */
async function pixels(bytes: Buffer, size?: { width: number; height: number }) {
	const image = sharp(bytes).removeAlpha();
	const { data, info } = await (size ? image.resize(size.width, size.height) : image)
		.raw()
		.toBuffer({ resolveWithObject: true });
	const at = (p: { x: number; y: number }) => {
		const i = (Math.round(p.y * info.height) * info.width + Math.round(p.x * info.width)) * 3;
		return [data[i]!, data[i + 1]!, data[i + 2]!];
	};
	return { data, width: info.width, height: info.height, at };
}

const isRed = ([r, g, b]: number[]) => r! > 170 && g! < 90 && b! < 110;

function psnr(a: Buffer, b: Buffer): number {
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
	return 10 * Math.log10((255 * 255) / (sum / a.length));
}

test('annotate and redact offline, undo before submit; the PDF shows the upload and agrees with the preview; an edit after a return replaces the photo on the server', async ({
	browser,
	page,
	context
}) => {
	test.setTimeout(300_000);
	await page.goto('/');
	await waitForServiceWorker(page);
	await signIn(page, SHOPPER);
	await page.goto('/audits/new');
	await page.getByText('Nordlys Elektronik Strøget').click();
	await page.getByText(template.name.en, { exact: true }).click();
	await page.getByTestId('start-audit').click();
	await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
	const auditId = page.url().split('/audits/')[1]!.split('/')[0]!;
	await walkStages(page, template, {
		answerFor: (checkpoint) => plannedAnswer(checkpoint, { negative: NEGATIVE.id }),
		note: NOTE
	});

	// Offline from here until the audit is ready: photo, edits, undo, preview.
	await goOffline(context);
	await page.goto(`/audits/${auditId}`);
	const general = page.getByTestId('photo-strip').nth(1);
	await general.getByTestId('photo-input').setInputFiles(fixture('checkout-portrait.jpg'));
	await expect(general).toHaveAttribute('data-photo-count', '1', { timeout: 30_000 });
	const untouched = await storedGeneralPhoto(page, auditId);

	const openEditor = async () => {
		await general.getByRole('button', { name: 'Open photo' }).click();
		await page.getByTestId('photo-annotate').click();
		await expect(page.getByTestId('editor-canvas')).toBeVisible();
	};
	const save = async () => {
		await page.getByTestId('editor-save').click();
		await expect(page.getByTestId('photo-editor')).toHaveCount(0, { timeout: 30_000 });
		await expect(page.getByTestId('photo-dialog')).toBeVisible();
	};
	const closeDialog = async () => {
		await page.getByTestId('photo-dialog').getByRole('button', { name: 'Close' }).click();
		await expect(page.getByTestId('photo-dialog')).toHaveCount(0);
	};

	await openEditor();
	const canvas = page.getByTestId('editor-canvas');
	// The tools are reachable by keyboard: Tab to "Pixelate box", Space, then Enter on the photo.
	await page.getByTestId('tool-pixelate-box').focus();
	await page.keyboard.press('Space');
	await expect(page.getByTestId('tool-pixelate-box')).toHaveAttribute('aria-pressed', 'true');
	await canvas.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('editor-count')).toHaveText('1 edit');
	await page.getByTestId('editor-undo').click();
	await expect(page.getByTestId('editor-count')).toHaveText('0 edits');
	// Now by touch: the box over the sign, then an arrow.
	await drag(canvas, { x: BOX.x0, y: BOX.y0 }, { x: BOX.x1, y: BOX.y1 });
	await page.getByTestId('tool-arrow').click();
	await drag(canvas, ARROW.from, ARROW.to);
	await expect(page.getByTestId('editor-count')).toHaveText('2 edits');
	for (const [width, height] of [
		[800, 1280],
		[1280, 800]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: `test-results/photo-editor-${width}x${height}.png` });
	}
	expect.soft(await violations(page), 'editor').toEqual([]);
	await save();
	await expect(page.getByTestId('photo-edited')).toHaveText('Annotated');
	await closeDialog();

	const edited = await storedGeneralPhoto(page, auditId);
	expect(edited.id).not.toBe(untouched.id);
	expect(edited).toMatchObject({ edits: 2, hasOriginal: true });
	const editedPixels = await pixels(Buffer.from(edited.base64, 'base64'));
	expect(isRed(editedPixels.at(ARROW.mid))).toBe(true);

	// Undo the arrow before submitting: the stored photo no longer has it, the box stays.
	await openEditor();
	await expect(page.getByTestId('editor-count')).toHaveText('2 edits');
	await page.getByTestId('editor-undo').click();
	await expect(page.getByTestId('editor-count')).toHaveText('1 edit');
	await save();
	await closeDialog();
	const undone = await storedGeneralPhoto(page, auditId);
	expect(undone.edits).toBe(1);
	expect(isRed((await pixels(Buffer.from(undone.base64, 'base64'))).at(ARROW.mid))).toBe(false);

	// And the arrow again, for the report.
	await openEditor();
	await page.getByTestId('tool-arrow').click();
	await drag(canvas, ARROW.from, ARROW.to);
	await save();
	await closeDialog();
	const final = await storedGeneralPhoto(page, auditId);
	expect(final).toMatchObject({ edits: 2, hasOriginal: true });

	// The narrative and time-out, then the report as it will be, still offline.
	await page.getByTestId('narrative').fill(NARRATIVE);
	await page.getByTestId('narrative').blur();
	await page.getByTestId('finish-visit').click();
	await expect(page.getByTestId('ready-state')).toHaveText(
		'Everything is filled in. The audit is ready to submit.'
	);
	await page.getByTestId('open-preview').click();
	await page.waitForURL(new RegExp(`/audits/${auditId}/preview$`));
	const preview = page.getByTestId('report-preview');
	await expect(preview).toBeVisible();
	await expect(preview.locator('img').first()).toBeVisible();
	const total = await page.getByTestId('preview-total').innerText();
	const bars = await page.getByTestId('preview-stage-bar').evaluateAll((rows) =>
		rows.map((row) => ({
			title: row.querySelector('[data-testid="preview-bar-title"]')!.textContent!.trim(),
			value: row.querySelector('[data-testid="preview-bar-value"]')!.textContent!.trim()
		}))
	);
	const checkpoints = await page.getByTestId('preview-checkpoint').evaluateAll((rows) =>
		rows.map((row) => {
			const text = (id: string) =>
				row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
			return {
				prompt: text('preview-prompt')!,
				answer: text('preview-answer')!,
				points: text('preview-points')!,
				note: text('preview-note')
			};
		})
	);
	const narrative = await page.getByTestId('preview-narrative').innerText();
	const previewText = (await preview.innerText()).replace(/\s+/g, ' ');
	expect(bars).toHaveLength(template.stages.length);
	expect(checkpoints.length).toBeGreaterThan(template.stages.length);
	expect(checkpoints.find((c) => c.note !== null)?.note).toBe(NOTE);
	expect(narrative).toBe(NARRATIVE);
	for (const [width, height] of [
		[800, 1280],
		[1280, 800]
	] as const) {
		await page.setViewportSize({ width, height });
		await page.screenshot({
			path: `test-results/report-preview-${width}x${height}.png`,
			fullPage: width === 800
		});
	}
	expect.soft(await violations(page), 'preview').toEqual([]);

	await page.getByTestId('preview-back').click();
	await page.getByTestId('mark-ready').click();
	await expect(page.getByTestId('audit-status')).toHaveText('Ready to submit');

	// Online: it syncs by itself; the original is gone from the device once the server has it.
	await context.unrouteAll({ behavior: 'wait' });
	await context.setOffline(false);
	await page.goto('/');
	const item = page.locator(`[data-testid="audit-item"]`).first();
	await expect(item).toHaveAttribute('data-status', 'received', { timeout: 60_000 });
	const sent = await storedGeneralPhoto(page, auditId);
	expect(sent.id).toBe(final.id);
	expect(sent.hasOriginal).toBe(false);
	const upload = Buffer.from(sent.base64, 'base64');

	// The server holds exactly the device's flattened JPEG under its id; the untouched photo's id
	// is gone from it.
	const served = await page.request.get(`/api/photos/${final.id}`);
	expect(served.status()).toBe(200);
	expect(Buffer.compare(await served.body(), upload)).toBe(0);
	expect((await page.request.get(`/api/photos/${untouched.id}`)).status()).toBe(404);

	// The PDF, once made.
	let pdf: Buffer | null = null;
	await expect(async () => {
		const response = await page.request.get(`/api/audits/${auditId}/report`);
		expect(response.status()).toBe(200);
		pdf = await response.body();
	}).toPass({ timeout: 90_000 });
	const folder = mkdtempSync(join(tmpdir(), 'shopwalk-pdfimages-'));
	try {
		writeFileSync(join(folder, 'report.pdf'), pdf!);
		execFileSync('pdfimages', ['-all', join(folder, 'report.pdf'), join(folder, 'img')]);
		const device = await pixels(upload);
		const candidates = [];
		for (const name of readdirSync(folder).filter((n) => n.startsWith('img'))) {
			const image = await pixels(readFileSync(join(folder, name)));
			if (Math.abs(image.width / image.height - device.width / device.height) < 0.01) {
				candidates.push(image);
			}
		}
		// The receipt's photos are tall; the edited photo is the one 3:4 image.
		expect(candidates).toHaveLength(1);
		const inPdf = candidates[0]!;
		expect(Math.max(inPdf.width, inPdf.height)).toBeLessThanOrEqual(
			Math.max(device.width, device.height)
		);
		const scaledUpload = await pixels(upload, { width: inPdf.width, height: inPdf.height });
		const scaledUntouched = await pixels(Buffer.from(untouched.base64, 'base64'), {
			width: inPdf.width,
			height: inPdf.height
		});
		expect(psnr(inPdf.data, scaledUpload.data)).toBeGreaterThan(30);
		// Closer to the upload than to the unedited photo: the redaction and arrow are in it.
		expect(psnr(inPdf.data, scaledUntouched.data)).toBeLessThan(
			psnr(inPdf.data, scaledUpload.data) - 3
		);
		expect(isRed(inPdf.at(ARROW.mid))).toBe(true);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}

	// The PDF's text and the preview agree on the total, every stage, answer, point and note.
	const text = (await pdfToText(pdf!)).replace(/\s+/g, ' ');
	expect(text).toContain(`Total score: ${total}`);
	for (const bar of bars) expect(text, bar.title).toContain(`${bar.title} ${bar.value}`);
	writeFileSync('test-results/photo-redact-report.txt', text);
	// pdftotext drops the spaces pdfmake sets around the slash of "3 / 4" (points, scale answers).
	const slash = (value: string) => value.replace(/\s*\/\s*/g, '/');
	for (const checkpoint of checkpoints) {
		// The prompt, then on the line below its answer.
		const answerText = slash(`Answer: ${checkpoint.answer}`);
		const at = [...text.matchAll(new RegExp(escape(checkpoint.prompt), 'g'))].map((m) => m.index);
		expect(
			at.some((index) => slash(text.slice(index, index + 400)).includes(answerText)),
			`${checkpoint.prompt} → ${answerText}`
		).toBe(true);
		if (checkpoint.note !== null) expect(text).toContain(`Note: ${checkpoint.note}`);
	}
	// Points are right-aligned and pdftotext may read them after the column: compare them, the
	// scale answers and the highlights' details as one list of every "a / b" (dates excluded) in
	// the whole preview and the whole PDF.
	const fraction = /(?<![\d/])\d+(?:\.\d+)?\s*\/\s*\d+(?:\.\d+)?(?![\d/])/g;
	const inPdf = [...text.matchAll(fraction)].map((m) => slash(m[0])).sort();
	const inPreview = [...previewText.matchAll(fraction)].map((m) => slash(m[0])).sort();
	expect(inPdf.length).toBeGreaterThan(checkpoints.length / 2);
	expect(inPdf).toEqual(inPreview);
	const notScored = (value: string) => value.split('not scored').length - 1;
	expect(notScored(text)).toBe(notScored(previewText));
	expect(notScored(text)).toBeGreaterThanOrEqual(
		checkpoints.filter((c) => c.points === 'not scored').length
	);
	expect(text).toContain(NARRATIVE);

	// Returned by the manager: the uploaded photo is edited again on the tablet (a circle, by
	// keyboard), and the resubmission replaces it on the server through the same sync.
	const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const desk = await office.newPage();
	await signIn(desk, MANAGER);
	const detail = (await (await desk.request.get(`/api/audits/${auditId}`)).json()) as {
		revision: number;
		photos: { id: string }[];
	};
	expect(detail.photos.map((p) => p.id)).toContain(final.id);
	const returned = await desk.request.post(`/api/audits/${auditId}/return`, {
		headers: { origin: new URL(page.url()).origin },
		data: {
			expectedState: 'submitted',
			expectedRevision: detail.revision,
			comment: 'Circle the price label, please.',
			checkpointComments: []
		}
	});
	expect(returned.status(), await returned.text()).toBe(200);
	await page.reload();
	await expect(item).toHaveAttribute('data-status', 'draft', { timeout: 30_000 });
	await page.goto(`/audits/${auditId}`);
	await openEditor();
	// The original left the tablet when the server received the audit: nothing to undo now.
	await expect(page.getByTestId('editor-count')).toHaveText('0 edits');
	await page.getByTestId('tool-circle').click();
	await canvas.focus();
	await page.keyboard.press('Enter');
	// A label: without text the editor asks for it first; with it, Enter places it.
	await page.getByTestId('tool-text').click();
	await canvas.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toHaveText(
		'Type the label first, then tap the photo where it belongs.'
	);
	await page.getByTestId('editor-label').fill('Price label');
	await expect(page.getByRole('status')).toHaveCount(0);
	await canvas.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('editor-count')).toHaveText('2 edits');
	await page.screenshot({ path: 'test-results/photo-editor-label.png' });
	expect.soft(await violations(page), 'editor with a label').toEqual([]);
	await save();
	await closeDialog();
	const again = await storedGeneralPhoto(page, auditId);
	expect(again.id).not.toBe(final.id);
	await page.getByTestId('mark-ready').click();
	// The button goes once the audit is stored as ready: leaving before that would abort the write.
	await expect(page.getByTestId('mark-ready')).toHaveCount(0);
	await page.goto('/');
	await expect(item).toHaveAttribute('data-status', 'received', { timeout: 60_000 });
	const resubmitted = (await (await desk.request.get(`/api/audits/${auditId}`)).json()) as {
		state: string;
		photos: { id: string }[];
	};
	expect(resubmitted.state).toBe('resubmitted');
	expect(resubmitted.photos.map((p) => p.id)).toContain(again.id);
	expect(resubmitted.photos.map((p) => p.id)).not.toContain(final.id);
	expect((await page.request.get(`/api/photos/${final.id}`)).status()).toBe(404);
	const replaced = await page.request.get(`/api/photos/${again.id}`);
	expect(Buffer.compare(await replaced.body(), Buffer.from(again.base64, 'base64'))).toBe(0);
	await office.close();
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
