import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
	API,
	CONTENT_SHA256_HEADER,
	IDEMPOTENCY_KEY_HEADER
} from '../../src/lib/contract/api-paths';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import { DEMO_LOCATIONS } from '../../src/lib/domain/demo-locations';
import { roundPercent, scoreAudit } from '../../src/lib/domain/scoring';
import type { AnswerValue, JourneyTemplate } from '../../src/lib/domain/types';
import { ALL_MESSAGES, ENGLISH } from '../../src/lib/i18n/all-messages';

const en = ENGLISH;
const daMessages = ALL_MESSAGES.da;
import {
	buildCompleteAudit,
	devicePhoto,
	submitRequestOf,
	type BuiltAudit
} from '../../src/lib/server/testing/complete-audit';
import { DEMO_PASSWORD, MANAGER, SHOPPER } from './sign-in';

// A manager exports the inbox as CSV from the office, in English and in Danish, and the files
// parse with a CSV library into the numbers the server stored (the domain's scoring).

const template = getBuiltinTemplate('retail-store-visit', 1) as JourneyTemplate;
const location = DEMO_LOCATIONS.find((l) => l.kind === 'own')!;
const checkpoints = template.stages.flatMap((s) => s.checkpoints);
const failing = checkpoints.find(
	(c) =>
		c.response.type === 'yes_no' &&
		!c.critical &&
		c.evidence.photo === 'none' &&
		!c.visibleWhen &&
		!checkpoints.some((other) => JSON.stringify(other.visibleWhen ?? null).includes(`"${c.id}"`))
)!;

const da = daMessages as unknown as Record<keyof typeof daMessages, string>;

async function apiSignIn(request: APIRequestContext, email: string, origin: string) {
	const response = await request.post(API.signIn, {
		data: { email, password: DEMO_PASSWORD },
		headers: { origin }
	});
	expect(response.status(), `sign-in of ${email}`).toBe(200);
}

async function submitAudit(
	request: APIRequestContext,
	origin: string,
	fail: boolean
): Promise<BuiltAudit> {
	const built = buildCompleteAudit({
		template,
		location,
		now: Date.now(),
		photoBytes: [devicePhoto('checkout-portrait.jpg'), devicePhoto('receipt.jpg')]
	});
	if (fail) {
		built.upload = {
			...built.upload,
			answers: built.upload.answers.map((a) =>
				a.checkpointId === failing.id ? { ...a, value: 'no' as const } : a
			),
			notes: [
				...built.upload.notes.filter((n) => n.checkpointId !== failing.id),
				{ checkpointId: failing.id, text: '=1+1 æøå', updatedAt: Date.now() }
			]
		};
	}
	const put = await request.put(API.audit(built.id), { data: built.upload, headers: { origin } });
	expect(put.status(), await put.text()).toBe(200);
	for (const photo of built.photos) {
		const upload = await request.put(API.auditPhoto(built.id, photo.entry.id), {
			data: Buffer.from(photo.bytes),
			headers: { origin, 'content-type': 'image/jpeg', [CONTENT_SHA256_HEADER]: photo.entry.sha256 }
		});
		expect(upload.ok(), await upload.text()).toBe(true);
	}
	const submit = await request.post(API.submit(built.id), {
		data: submitRequestOf(built),
		headers: { origin, [IDEMPOTENCY_KEY_HEADER]: randomUUID() }
	});
	expect(submit.ok(), await submit.text()).toBe(true);
	return built;
}

function expectedScore(built: BuiltAudit) {
	return scoreAudit(
		template,
		new Map<string, AnswerValue>(built.upload.answers.map((a) => [a.checkpointId, a.value]))
	);
}

async function download(page: Page, testId: string): Promise<string> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId(testId).click()
	]);
	const path = await file.path();
	const bytes = readFileSync(path);
	// The byte-order mark that makes Excel read UTF-8.
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(file.suggestedFilename()).toMatch(/^shopwalk-(audits|answers)-\d{4}-\d{2}-\d{2}\.csv$/);
	return bytes.toString('utf8');
}

test.describe('exports from the office', () => {
	let audits: BuiltAudit[];

	test.beforeAll(async ({ browser, baseURL }) => {
		const shopper = await browser.newContext({ baseURL });
		await apiSignIn(shopper.request, SHOPPER, baseURL!);
		audits = [
			await submitAudit(shopper.request, baseURL!, false),
			await submitAudit(shopper.request, baseURL!, true)
		];
		await shopper.close();
	});

	test('a manager downloads the inbox as CSV, in English and in Danish, and it parses', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ baseURL, acceptDownloads: true });
		await apiSignIn(context.request, MANAGER, baseURL!);
		const page = await context.newPage();
		await page.goto('/office?state=submitted');
		await expect(page.getByTestId('office-export')).toBeVisible();
		await expect(page.getByTestId('export-audits')).toHaveAttribute('href', /state=submitted/);

		const english = parse(await download(page, 'export-audits'), {
			bom: true,
			columns: true,
			delimiter: ','
		}) as Record<string, string>[];
		const rows = new Map(english.map((r) => [r[en['export.col.audit']], r]));
		// The inbox shows the same audits.
		const listed = await page
			.getByTestId('office-audit')
			.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-audit-id')));
		expect(english.map((r) => r[en['export.col.audit']]).sort()).toEqual([...listed].sort());
		for (const built of audits) {
			const row = rows.get(built.id)!;
			expect(row, built.id).toBeDefined();
			const score = expectedScore(built);
			expect(row[en['export.col.total']]).toBe(String(roundPercent(score.totalPercent)));
			for (const stage of template.stages) {
				const percent = roundPercent(score.stages.find((s) => s.stageId === stage.id)!.percent);
				// A stage title another journey also uses (a copy made by an earlier spec) carries the
				// names of the journeys that use its key, so no two columns share a header.
				const plain = en['export.col.stagePercent'].replace('{stage}', stage.title.en);
				const named = Object.keys(row).filter(
					(key) => key.startsWith(`${stage.title.en} (`) && key.includes(template.name.en)
				);
				const header = plain in row ? plain : named[0];
				expect(header, `${plain} among ${Object.keys(row).join(' | ')}`).toBeDefined();
				expect(row[header!]).toBe(percent === null ? '' : String(percent));
			}
			expect(row[en['export.col.link']]).toBe(`${baseURL}/office/audits/${built.id}`);
			expect(row[en['export.col.state']]).toBe(en['office.state.submitted']);
		}

		const answers = parse(await download(page, 'export-answers'), {
			bom: true,
			columns: true
		}) as Record<string, string>[];
		const failed = answers.find(
			(r) =>
				r[en['export.col.audit']] === audits[1]!.id &&
				r[en['export.col.checkpointId']] === failing.id
		)!;
		expect(failed[en['export.col.answer']]).toBe(en['answer.no']);
		// A note that looks like a formula is written as text.
		expect(failed[en['export.col.note']]).toBe("'=1+1 æøå");
		expect(answers.filter((r) => r[en['export.col.audit']] === audits[0]!.id).length).toBe(
			audits[0]!.upload.answers.length
		);

		// In Danish, chosen with the office's language picker as a plain form (no script): the
		// words, `;` between columns and decimal commas.
		const plain = await browser.newContext({
			baseURL,
			acceptDownloads: true,
			javaScriptEnabled: false
		});
		await apiSignIn(plain.request, MANAGER, baseURL!);
		const noScript = await plain.newPage();
		await noScript.goto('/office?state=submitted');
		await noScript.getByTestId('office-language').selectOption('da');
		await noScript.getByRole('button', { name: 'Change' }).click();
		await expect(noScript.getByRole('heading', { name: da['export.title'] })).toBeVisible();
		const danish = parse(await download(noScript, 'export-audits'), {
			bom: true,
			columns: true,
			delimiter: ';'
		}) as Record<string, string>[];
		const danishRow = danish.find((r) => r[da['export.col.audit']] === audits[1]!.id)!;
		const total = roundPercent(expectedScore(audits[1]!).totalPercent)!;
		expect(danishRow[da['export.col.total']]).toBe(String(total).replace('.', ','));
		expect(danishRow[da['export.col.state']]).toBe(da['office.state.submitted']);
		await plain.close();

		for (const [width, height] of [
			[800, 1280],
			[1280, 800]
		] as const) {
			await page.setViewportSize({ width, height });
			await page.screenshot({
				path: test.info().outputPath(`office-export-${width}x${height}.png`),
				fullPage: false
			});
			const box = await page.getByTestId('export-answers').boundingBox();
			expect(box!.height).toBeGreaterThanOrEqual(44);
		}
		await context.close();
	});

	test('a shopper cannot export, and nobody signed out can', async ({ browser, baseURL }) => {
		const anonymous = await browser.newContext({ baseURL });
		const refused = await anonymous.request.get('/api/exports/audits');
		expect(refused.status()).toBe(401);
		await anonymous.close();
		const shopper = await browser.newContext({ baseURL });
		await apiSignIn(shopper.request, SHOPPER, baseURL!);
		const response = await shopper.request.get('/api/exports/audits?format=csv');
		expect(response.status()).toBe(403);
		await shopper.close();
	});
});
