import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { goOffline, waitForServiceWorker, walkStages } from './field-walk';
import { pdfToText } from './pdf-text';
import { MANAGER, signIn } from './sign-in';

// The review loop end to end on the production build: a shopper submits from the tablet; a
// manager returns it with an overall comment and two checkpoint comments; the tablet pulls, goes
// offline, shows the comments on those checkpoints, is edited offline, comes back online and
// resubmits; the office shows what changed; the manager approves; each decision has its own
// report version (the approved one says so; the first is still downloadable); the trail lists
// every step with its actor.

const SHOPPER = 'shopper23@nordlys.example';
const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;
const OVERALL = 'Please describe how the complaint was received, in your own words.';
const EDITED_NOTE = 'Added after the return: the employee wrote a case number on the receipt.';

test('return with comments, fix offline, resubmit, see the changes, approve: a report per decision', async ({
	browser,
	page,
	context
}) => {
	test.setTimeout(300_000);

	// The shopper's tablet: sign in, walk the complaint-handling journey, submit.
	await page.goto('/');
	await waitForServiceWorker(page);
	await signIn(page, SHOPPER);
	await page.goto('/audits/new');
	await page.getByText('Nordlys Elektronik Strøget').click();
	await page.getByText(template.name.en, { exact: true }).click();
	await page.getByTestId('start-audit').click();
	await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
	const auditId = page.url().split('/audits/')[1]!.split('/')[0]!;
	await walkStages(page, template);
	await page.getByTestId('finish-visit').click();
	await expect(page.getByTestId('ready-state')).toHaveText(
		'Everything is filled in. The audit is ready to submit.'
	);
	await page.getByTestId('mark-ready').click();
	// Online, the open summary follows the audit as it is sent.
	await expect(page.getByTestId('audit-status')).toHaveText('Received', { timeout: 60_000 });
	await expect(page.getByTestId('ready-state')).toHaveText('Received by the office.');
	await page.goto('/');
	const item = page.locator('[data-testid="audit-item"]').first();
	await expect(item).toHaveAttribute('data-status', 'received', { timeout: 60_000 });

	// The manager, in another browser: the review queue, the audit, return with comments.
	const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const desk = await office.newPage();
	await signIn(desk, MANAGER);
	await desk.goto('/office/review');
	const queued = desk.locator(`[data-testid="queue-item"][data-audit-id="${auditId}"]`);
	await expect(queued).toBeVisible();
	await queued.getByRole('link').click();
	await desk.waitForURL(new RegExp(`/office/audits/${auditId}$`));
	const [first, second] = template.stages[0]!.checkpoints;
	const commentOn = async (checkpointId: string, body: string) => {
		const row = desk.locator(`[data-comment-for="${checkpointId}"]`);
		await row.getByTestId('checkpoint-comment-toggle').click();
		await row.getByTestId('checkpoint-comment').fill(body);
	};
	await commentOn(first!.id, 'Who greeted you, and how quickly?');
	await commentOn(second!.id, 'Say what the employee said first.');
	await desk.getByTestId('return-comment').fill(OVERALL);
	await desk.getByTestId('return').click();
	await expect(desk.getByTestId('review-decided')).toContainText('Returned to the shopper');
	await expect(desk.getByTestId('office-detail-state')).toHaveText('Returned');

	// The tablet pulls the return at start-up, then goes offline and still shows everything.
	await page.reload();
	await expect(item.getByTestId('audit-status')).toHaveText('Returned — 3 comments', {
		timeout: 30_000
	});
	await expect(item.getByTestId('audit-review-comment')).toContainText(OVERALL);
	await goOffline(context);
	await page.goto(`/audits/${auditId}`);
	await expect(page.getByTestId('review-overall')).toContainText(OVERALL);
	await page.goto(`/audits/${auditId}/stages/0`);
	const firstCard = page.locator(`[data-checkpoint-id="${first!.id}"]`);
	await expect(firstCard.getByTestId('checkpoint-review')).toContainText(
		'Who greeted you, and how quickly?'
	);
	await expect(
		page.locator(`[data-checkpoint-id="${second!.id}"]`).getByTestId('checkpoint-review')
	).toContainText('Say what the employee said first.');
	// The fix, offline: a note on the commented checkpoint.
	await firstCard.getByRole('button', { name: /Add a note/ }).click();
	await firstCard.getByTestId('note').fill(EDITED_NOTE);
	await firstCard.getByTestId('note').blur();
	await expect(page.getByTestId('save-state')).toHaveText('All changes saved on this device');
	await page.goto(`/audits/${auditId}`);
	await page.getByTestId('mark-ready').click();
	await expect(page.getByTestId('audit-status')).toHaveText('Ready to submit');

	// Online again: it is resubmitted by itself, once.
	await context.unrouteAll({ behavior: 'wait' });
	await context.setOffline(false);
	await page.goto('/');
	await expect(item).toHaveAttribute('data-status', 'received', { timeout: 60_000 });

	// The office shows what changed since the return, and the manager approves.
	await desk.goto(`/office/audits/${auditId}`);
	await expect(desk.getByTestId('office-detail-state')).toHaveText('Resubmitted');
	await expect(
		desk.locator(`[data-testid="change-note"][data-checkpoint-id="${first!.id}"]`)
	).toContainText(EDITED_NOTE);
	await desk.getByTestId('approve').click();
	await expect(desk.getByTestId('review-decided')).toContainText('Approved');
	await expect(desk.getByTestId('office-detail-state')).toHaveText('Approved');

	// A report version per decision; the approved one says so, the first is still there.
	const version = (n: number) =>
		desk.locator(`[data-testid="report-version"][data-version="${n}"]`);
	await expect(async () => {
		await desk.reload();
		for (const n of [1, 2, 3, 4]) {
			await expect(version(n)).toHaveAttribute('data-state', 'ready', { timeout: 1000 });
		}
	}).toPass({ timeout: 90_000 });
	const download = async (n: number) => {
		const file = desk.waitForEvent('download');
		await version(n).getByRole('link').click();
		const got = await file;
		expect(got.suggestedFilename()).toBe(`shopwalk-report-${auditId}-v${n}.pdf`);
		return (await pdfToText(readFileSync(await got.path()))).replace(/\s+/g, ' ');
	};
	const approved = await download(4);
	expect(approved).toContain('Approved · Report version 4');
	expect(approved).toContain(EDITED_NOTE);
	const firstVersion = await download(1);
	expect(firstVersion).toContain('Submitted, awaiting review · Report version 1');
	expect(firstVersion).not.toContain(EDITED_NOTE);

	// The trail: every step with its actor.
	const steps = await desk
		.getByTestId('trail-event')
		.evaluateAll((items) =>
			items.map((li) => [
				li.getAttribute('data-kind'),
				li.querySelector('[data-testid="trail-actor"]')?.textContent?.trim()
			])
		);
	const decisions = steps.filter(([kind]) => !String(kind).startsWith('report_'));
	expect(decisions).toEqual([
		['submitted', 'Shopper 23'],
		['returned', 'Reviewer 1'],
		['resubmitted', 'Shopper 23'],
		['approved', 'Reviewer 1']
	]);
	expect(steps.filter(([kind]) => kind === 'report_ready')).toHaveLength(4);
	await desk.screenshot({ path: 'test-results/review-approved-1280.png', fullPage: true });
	await office.close();
});
