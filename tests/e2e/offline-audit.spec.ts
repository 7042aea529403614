import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import { roundPercent, scoreAudit } from '../../src/lib/domain/scoring';
import { visibleCheckpointIds } from '../../src/lib/domain/visibility';
import { isNegativeAnswer } from '../../src/lib/domain/answer-rules';
import type { AnswerValue, JourneyTemplate } from '../../src/lib/domain/types';
import {
	answer,
	fixture,
	goOffline,
	percent,
	plannedAnswer,
	waitForServiceWorker
} from './field-walk';
import { readStoredAudit, readStoredPhotoFacts } from './idb-probe';
import { MANAGER, SHOPPER, signIn } from './sign-in';
import { pdfToText } from './pdf-text';

const template = getBuiltinTemplate('retail-store-visit', 1) as JourneyTemplate;
const checkpoints = new Map(template.stages.flatMap((s) => s.checkpoints.map((c) => [c.id, c])));
const NOTE_DA = 'Medarbejderen så mig ikke; jeg ventede længe ved disken. Æbler, øl og å.';

// One deliberate negative answer (with its required note) and one n.a. make the score non-trivial.
const firstNegative = [...checkpoints.values()].find(
	(c) => c.response.type === 'yes_no' && !c.critical && c.evidence.noteOnNegative && !c.visibleWhen
)!;
const firstNa = [...checkpoints.values()].find(
	(c) => c.response.type === 'yes_no_na' && !c.critical && !c.visibleWhen
);

test.describe.serial('a whole store visit, offline', () => {
	test('walk, photograph, reload and find everything', async ({ page, context }) => {
		test.setTimeout(300_000);
		// The whole walk runs under the Content-Security-Policy: any violation (a blocked script,
		// worker, image or connection) in any page of it fails the test.
		const cspViolations: string[] = [];
		await page.exposeFunction('__reportCspViolation', (v: string) => cspViolations.push(v));
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				const report = (window as unknown as { __reportCspViolation(v: string): void })
					.__reportCspViolation;
				report(`${e.violatedDirective} ${e.blockedURI} at ${location.pathname}`);
			});
		});
		page.on('console', (message) => {
			if (
				/Content Security Policy|Refused to (load|execute|connect|apply|create)/i.test(
					message.text()
				)
			) {
				cspViolations.push(message.text());
			}
		});
		const first = await page.goto('/');
		expect(first?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
		await waitForServiceWorker(page);
		// One online sign-in; the device keeps the user, its assignments and templates.
		await signIn(page, SHOPPER);
		await expect(page.getByTestId('assignment').first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'My audits' })).toBeVisible();

		await goOffline(context);
		expect(
			await page.evaluate(() =>
				fetch('/manifest.webmanifest?x=1').then(
					() => 'online',
					() => 'offline'
				)
			)
		).toBe('offline');

		// A route never visited, opened cold with no network.
		await page.goto('/audits/new');
		await expect(page.getByTestId('network-state')).toHaveText('Offline');
		await page.getByText('Nordlys Elektronik Strøget').click();
		await page.getByText(template.name.en, { exact: true }).click();
		await page.getByTestId('start-audit').click();
		await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
		const auditId = page.url().split('/audits/')[1]!.split('/')[0]!;

		const given = new Map<string, AnswerValue>();
		const photographed: string[] = [];
		const cameraRoll = ['shelf-12mp-rot6.jpg', 'checkout-portrait.jpg', 'entrance.png'];

		for (const [index, stage] of template.stages.entries()) {
			await expect(page.getByTestId('stage-title')).toContainText(stage.title.en);
			// Answering may reveal follow-up checkpoints; keep going until every visible one is done.
			for (;;) {
				const visible = visibleCheckpointIds(template, given);
				const next = stage.checkpoints.find((c) => visible.has(c.id) && !given.has(c.id));
				if (!next) break;
				const card = page.locator(`[data-checkpoint-id="${next.id}"]`);
				const value = plannedAnswer(next, { negative: firstNegative.id, na: firstNa?.id });
				await answer(card, next, value);
				given.set(next.id, value);
				if (isNegativeAnswer(next.response, value) && next.evidence.noteOnNegative) {
					await card.getByTestId('note').fill(NOTE_DA);
					await card.getByTestId('note').blur();
				}
				if (next.evidence.photo === 'required') {
					const file = cameraRoll[photographed.length % cameraRoll.length]!;
					await card.getByTestId('photo-input').setInputFiles(fixture(file));
					await expect(card.getByTestId('photo-strip')).toHaveAttribute('data-photo-count', '1', {
						timeout: 30_000
					});
					photographed.push(next.id);
				}
			}
			await expect(page.getByTestId('save-state')).toHaveText('All changes saved on this device');
			const nav = page.getByTestId(
				index < template.stages.length - 1 ? 'next-stage' : 'finish-stages'
			);
			await nav.click();
		}
		expect(photographed.length).toBeGreaterThan(0);

		// The overview: receipt, narrative, time-out; then nothing is missing.
		await expect(page.getByTestId('problem-list')).toBeVisible();
		await page
			.locator('[data-testid="photo-strip"]')
			.first()
			.getByTestId('photo-input')
			.setInputFiles(fixture('receipt.jpg'));
		await expect(page.locator('[data-testid="photo-strip"]').first()).toHaveAttribute(
			'data-photo-count',
			'1',
			{
				timeout: 30_000
			}
		);
		await page.getByTestId('narrative').fill('Samlet set et godt besøg. Ogólnie dobra wizyta.');
		await page.getByTestId('narrative').blur();
		await page.getByTestId('finish-visit').click();
		await expect(page.getByTestId('ready-state')).toHaveText(
			'Everything is filled in. The audit is ready to submit.'
		);
		await expect(page.getByTestId('save-state')).toHaveText('All changes saved on this device');

		const expected = scoreAudit(template, given);
		expect(expected.totalPercent).not.toBeNull();
		expect(expected.totalPercent).toBeLessThan(100);

		// A caption on the receipt.
		await page
			.locator('[data-testid="photo-strip"]')
			.first()
			.getByRole('button', { name: 'Open photo' })
			.click();
		await expect(page.getByTestId('photo-full')).toBeVisible();
		await page.getByTestId('photo-caption').fill('Kvittering, kasse 2');
		await page.getByRole('button', { name: 'Close' }).click();
		await expect(page.locator('[data-testid="photo-strip"]').first()).toContainText(
			'Kvittering, kasse 2'
		);

		// Bad files: a clear message, nothing stored.
		const generalStrip = page.locator('[data-testid="photo-strip"]').nth(1);
		await generalStrip.getByTestId('photo-input').setInputFiles(fixture('not-an-image.jpg'));
		await expect(
			page.getByRole('alert').filter({ hasText: 'That file is not a photo' })
		).toBeVisible();
		await generalStrip.getByTestId('photo-input').setInputFiles(fixture('truncated.jpg'));
		await expect(
			page.getByRole('alert').filter({ hasText: 'incomplete or damaged' })
		).toBeVisible();
		await expect(generalStrip).toHaveAttribute('data-photo-count', '0');

		// Reload with no network: everything comes back from the device.
		await page.reload();
		await expect(page.getByTestId('network-state')).toHaveText('Offline');
		await expect(page.getByTestId('ready-state')).toHaveText(
			'Everything is filled in. The audit is ready to submit.'
		);
		await expect(page.getByTestId('overview-total')).toHaveText(
			percent(roundPercent(expected.totalPercent))
		);
		for (const stageScore of expected.stages) {
			await expect(
				page.locator(`[data-stage-id="${stageScore.stageId}"] [data-testid="stage-percent"]`)
			).toContainText(percent(roundPercent(stageScore.percent)));
		}
		await expect(page.locator('[data-testid="photo-strip"]').first()).toHaveAttribute(
			'data-photo-count',
			'1'
		);
		await expect(page.locator('[data-testid="photo-strip"]').first()).toContainText(
			'Kvittering, kasse 2'
		);
		await expect(page.getByTestId('narrative')).toHaveValue(
			'Samlet set et godt besøg. Ogólnie dobra wizyta.'
		);
		await expect(page.getByTestId('pending-summary')).toContainText(
			`1 audit, ${photographed.length + 1} photos not yet on the server`
		);

		// The stored record: every answer, the note, time-in/out and time per stage.
		const stored = await readStoredAudit(page, auditId);
		expect(stored.audit.timeOut).not.toBeNull();
		expect(stored.audit.timeOut).toBeGreaterThanOrEqual(stored.audit.timeIn);
		expect(Object.keys(stored.audit.stageTimeMs).sort()).toEqual(
			template.stages.map((s) => s.id).sort()
		);
		expect(new Map(stored.answers.map((a) => [a.checkpointId, a.value]))).toEqual(given);
		expect(stored.notes).toContainEqual(
			expect.objectContaining({ checkpointId: firstNegative.id, text: NOTE_DA })
		);

		// A stage screen after the reload shows the answers and the note as given.
		const negativeStage = template.stages.findIndex((s) =>
			s.checkpoints.some((c) => c.id === firstNegative.id)
		);
		await page.getByTestId('stepper-stage').nth(negativeStage).click();
		const negativeCard = page.locator(`[data-checkpoint-id="${firstNegative.id}"]`);
		await expect(negativeCard.getByRole('button', { name: 'No', exact: true })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await expect(negativeCard.getByTestId('note')).toHaveValue(NOTE_DA);

		// Photos as stored: JPEG, at most 2048 px, upright, without EXIF.
		const facts = await readStoredPhotoFacts(page, auditId);
		expect(facts).toHaveLength(photographed.length + 1);
		for (const f of facts) {
			expect(f.type).toBe('image/jpeg');
			expect(f.startsWithJpegMagic).toBe(true);
			expect(f.hasExif).toBe(false);
			expect(f.containsGps).toBe(false);
			expect(Math.max(f.decodedWidth, f.decodedHeight)).toBeLessThanOrEqual(2048);
		}
		// The first photo taken was the orientation-6 shelf shot: 4032×3024 stored, shown upright.
		const rotated = facts.find((f) => f.checkpointId === photographed[0]);
		expect(rotated, 'the orientation-6 shelf photo is stored').toBeDefined();
		expect(rotated!.decodedHeight).toBeGreaterThan(rotated!.decodedWidth);

		// Ready to submit: queued, and it says so.
		await page.goto(`/audits/${auditId}`);
		await page.getByTestId('mark-ready').click();
		await expect(page.getByTestId('audit-status')).toHaveText('Ready to submit');
		await page.goto('/');
		await expect(page.getByTestId('audit-item').first()).toHaveAttribute('data-status', 'queued');

		// Signing out now would strand the audit: refused, with the reason.
		await page.getByTestId('sign-out').click();
		await expect(
			page.getByRole('alert').filter({ hasText: 'You cannot sign out yet' })
		).toBeVisible();
		await expect(page.getByTestId('user-name')).toBeVisible();

		// Back online: the outbox drains by itself; the audit and its photos arrive once.
		await context.unrouteAll({ behavior: 'wait' });
		await context.setOffline(false);
		await expect(page.getByTestId('audit-item').first()).toHaveAttribute(
			'data-status',
			'received',
			{
				timeout: 60_000
			}
		);
		await expect(page.getByTestId('pending-summary')).toHaveText('Nothing waiting to sync');
		const server = await page.request.get(`/api/audits/${auditId}`);
		expect(server.status()).toBe(200);
		const detail = (await server.json()) as {
			state: string;
			totalPercent: number | null;
			photos: { stored: boolean }[];
		};
		expect(detail.state).toBe('submitted');
		expect(detail.totalPercent).toBeCloseTo(expected.totalPercent!, 6);
		expect(detail.photos).toHaveLength(photographed.length + 1);
		expect(detail.photos.every((p) => p.stored)).toBe(true);
		const list = (await (await page.request.get('/api/audits')).json()) as {
			items: { id: string }[];
		};
		expect(list.items.filter((i) => i.id === auditId)).toHaveLength(1);

		// The shopper's own report: offered on the home list once the audit is on the server, and
		// downloaded (after "being prepared", if the server is still making it) as a real PDF.
		const reportButton = page
			.getByTestId('audit-item')
			.first()
			.getByTestId('audit-report-download');
		await expect(reportButton).toBeEnabled();
		let shopperPdf: Buffer | undefined;
		await expect(async () => {
			const download = page.waitForEvent('download', { timeout: 3_000 });
			await reportButton.click();
			shopperPdf = readFileSync(await (await download).path());
		}).toPass({ timeout: 60_000 });
		const shopperText = await pdfToText(shopperPdf!);
		expect(shopperText).toContain('Nordlys Elektronik Strøget');
		expect(shopperText.replace(/\s+/g, ' ')).toContain(NOTE_DA.replace(/\s+/g, ' '));

		// Nothing left on the device, so signing out is allowed; the manager sees the audit.
		await page.getByTestId('sign-out').click();
		await page.waitForURL(/\/sign-in$/);
		await signIn(page, MANAGER);
		await page.goto('/office');
		const row = page.locator(`[data-audit-id="${auditId}"]`);
		await expect(row).toBeVisible();
		await expect(row).toContainText('Nordlys Elektronik Strøget');
		await expect(row).toContainText(percent(roundPercent(expected.totalPercent)));
		await expect(row.getByTestId('office-audit-state')).toHaveText('Submitted');
		// Filters narrow the list on the server: the audit is at an own store.
		await page.getByTestId('filter-kind').selectOption('competitor');
		await expect(row).toHaveCount(0);
		await page.getByTestId('filter-kind').selectOption('own');
		await expect(row).toBeVisible();
		// The received-date filter, in the browser's calendar days: from tomorrow hides it, today
		// shows it, and the filters survive a reload (they live in the address).
		const day = (offset: number) =>
			page.evaluate((days) => {
				const date = new Date();
				date.setDate(date.getDate() + days);
				return date.toLocaleDateString('sv');
			}, offset);
		await page.getByTestId('filter-from').fill(await day(1));
		await expect(row).toHaveCount(0);
		await page.getByTestId('filter-from').fill(await day(0));
		await page.getByTestId('filter-to').fill(await day(0));
		await expect(row).toBeVisible();
		await page.reload();
		await expect(page.getByTestId('filter-from')).toHaveValue(await day(0));
		await expect(page.getByTestId('filter-kind')).toHaveValue('own');
		await expect(row).toBeVisible();

		// The report is made on the server moments after the sync: the inbox shows it ready.
		await expect(async () => {
			await page.getByTestId('office-refresh').click();
			await expect(row.getByTestId('office-report')).toHaveAttribute('data-report-state', 'ready', {
				timeout: 1000
			});
		}).toPass({ timeout: 60_000 });
		const download = page.waitForEvent('download');
		await row.getByTestId('office-report').getByRole('link').click();
		const pdfFile = await download;
		expect(pdfFile.suggestedFilename()).toMatch(
			new RegExp(`^shopwalk-report-${auditId}-v1\\.pdf$`)
		);
		const pdfText = await pdfToText(readFileSync(await pdfFile.path()));
		expect(pdfText).toContain('Nordlys Elektronik Strøget');
		expect(pdfText.replace(/\s+/g, ' ')).toContain(NOTE_DA.replace(/\s+/g, ' '));

		await row.getByRole('link', { name: 'Nordlys Elektronik Strøget' }).click();
		await expect(page.getByTestId('office-detail-total')).toHaveText(
			percent(roundPercent(expected.totalPercent))
		);
		await expect(page.getByText(NOTE_DA)).toBeVisible();
		// The audit's page offers the same PDF.
		const fromDetail = page.waitForEvent('download');
		await page.getByTestId('office-detail-report').getByRole('link').click();
		expect(await pdfToText(readFileSync(await (await fromDetail).path()))).toContain(
			'Nordlys Elektronik Strøget'
		);
		expect(cspViolations).toEqual([]);
	});
});
