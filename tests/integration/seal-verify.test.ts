import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from 'vitest';
import { API } from '$lib/contract/api-paths';
import { sealDigest } from '$lib/domain/seal';
import { openDatabase, type DbHandle } from '$lib/server/db/connect';
import { listSealsOfAudit, type SealRow } from '$lib/server/repos/seals';
import { buildCompleteAudit, type BuiltAudit } from '$lib/server/testing/complete-audit';
import { createTestOrganisation, type TestOrganisation } from '$lib/server/testing/factories';
import { plainLocation } from './cookie-fetch';
import { handInAudit } from './hand-in-audit';
import { signedInFetch } from './signed-in-clients';

// The sealed proof of visit end to end, on the production server: the report PDF carries the
// code (text) and a QR code (drawn; read back from a rendering), and the public verify page —
// signed out — answers for codes and uploaded PDFs, revealing nothing of the visit.

let handle: DbHandle;
let baseUrl: string;
let a: TestOrganisation;
let b: TestOrganisation;
let audit: BuiltAudit;
let seals: SealRow[];
let bSeal: SealRow;
let pdfV1: Buffer;
let pdfV2: Buffer;
const work = mkdtempSync(join(tmpdir(), 'shopwalk-seal-'));

const signedIn = (email: string) => signedInFetch(baseUrl, email);

/** One whole audit of `org`'s shopper, handed in with the device's seal digest. */
async function handIn(org: TestOrganisation): Promise<BuiltAudit> {
	const shopper = await signedIn(org.shopper.email);
	const built = buildCompleteAudit({
		template: org.template,
		location: plainLocation(org.location),
		assignmentId: null,
		receipt: false
	});
	await handInAudit(shopper, baseUrl, built, await sealDigest(built.id, built.upload));
	return built;
}

async function reportPdf(f: typeof fetch, auditId: string, version: number): Promise<Buffer> {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		const response = await f(`${baseUrl}${API.reportVersion(auditId, version)}`);
		if (response.status === 200 && response.headers.get('content-type')?.includes('pdf')) {
			return Buffer.from(await response.arrayBuffer());
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Report v${version} of ${auditId} was not made in time`);
}

/** The verify page as a signed-out visitor sees it, as text. */
async function verifyCode(code: string): Promise<string> {
	const response = await fetch(`${baseUrl}/verify?code=${encodeURIComponent(code)}`);
	expect(response.status).toBe(200);
	return visibleText(await response.text());
}

/** A PDF uploaded through the page's form, as a browser without JavaScript sends it. */
async function verifyFile(bytes: Uint8Array, name = 'report.pdf'): Promise<string> {
	const form = new FormData();
	form.set(
		'report',
		new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
		name
	);
	const response = await fetch(`${baseUrl}/verify?/upload`, {
		method: 'POST',
		headers: { accept: 'text/html', origin: new URL(baseUrl).origin },
		body: form
	});
	expect(response.status).toBe(200);
	return visibleText(await response.text());
}

/** The page's visible words (scripts and tags dropped), so data in hydration scripts counts too. */
function visibleText(html: string): string {
	return html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/\s+/g, ' ');
}

beforeAll(async () => {
	baseUrl = inject('baseUrl');
	handle = await openDatabase({ dataDir: inject('dataDir') });
	a = await createTestOrganisation(handle.db, { name: 'Sealed Org A' });
	b = await createTestOrganisation(handle.db, { name: 'Sealed Org B' });
	audit = await handIn(a);
	const manager = await signedIn(a.manager.email);
	pdfV1 = await reportPdf(manager, audit.id, 1);
	const approved = await manager(`${baseUrl}${API.approve(audit.id)}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ expectedState: 'submitted', expectedRevision: 1 })
	});
	expect(approved.status).toBe(200);
	pdfV2 = await reportPdf(manager, audit.id, 2);
	seals = await listSealsOfAudit(handle.db, a.organisation.id, audit.id);
	const bAudit = await handIn(b);
	bSeal = (await listSealsOfAudit(handle.db, b.organisation.id, bAudit.id))[0]!;
	// Give the runner a moment to record each PDF's hash after writing it.
	await reportPdf(await signedIn(b.manager.email), bAudit.id, 1);
	// Three reports are made first: longer than a hook's default 10 s on a busy machine.
}, 150_000);

beforeEach(async () => {
	// Every check counts against the address (all of these come from loopback).
	await handle.db.deleteFrom('sign_in_throttle').where('key', 'like', 'verify:%').execute();
});

afterAll(async () => {
	await handle?.close();
	rmSync(work, { recursive: true, force: true });
});

describe('the report carries its seal', () => {
	test('pdftotext shows the code; the drawn QR code, read from a rendering, opens the verify page for it', async () => {
		expect(seals.map((s) => [s.version, s.state])).toEqual([
			[1, 'submitted'],
			[2, 'approved']
		]);
		const file = join(work, 'v1.pdf');
		writeFileSync(file, pdfV1);
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
		expect(text).toContain(seals[0]!.code);
		expect(text).toContain('Verification code');
		execFileSync('pdftoppm', [
			'-png',
			'-r',
			'110',
			'-f',
			'1',
			'-l',
			'1',
			file,
			join(work, 'cover')
		]);
		const png = execFileSync('sh', ['-c', `ls ${work}/cover*.png`], { encoding: 'utf8' }).trim();
		const { data, info } = await sharp(png)
			.ensureAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		const qr = jsQR(new Uint8ClampedArray(data), info.width, info.height);
		expect(qr?.data).toMatch(new RegExp(`/verify\\?code=${seals[0]!.code}$`));
		const path = new URL(qr!.data).pathname + new URL(qr!.data).search;
		const page = visibleText(await (await fetch(`${baseUrl}${path}`)).text());
		expect(page).toContain('Genuine');
	});
});

describe('the public verify page, signed out', () => {
	test('a genuine code: its version, and that a newer one exists; nothing of the visit', async () => {
		const page = await verifyCode(seals[0]!.code.toLowerCase().replace(/-/g, ' '));
		expect(page).toContain('Genuine');
		expect(page).toContain('This is version 1 of the report');
		expect(page).toContain('A newer version exists: version 2.');
		const latest = await verifyCode(seals[1]!.code);
		expect(latest).toContain('This is version 2 of the report');
		expect(latest).toContain('This is the latest version.');
		for (const secret of [
			a.organisation.name,
			a.location.name,
			a.location.address,
			a.shopper.displayName,
			a.shopper.pseudonym,
			audit.id,
			seals[0]!.digest,
			seals[0]!.signature,
			'submitted',
			'approved',
			'%'
		]) {
			expect(page, secret).not.toContain(secret);
		}
	});

	test('another organisation’s code is answered alike, naming nothing of it; made-up codes are unknown', async () => {
		const theirs = await verifyCode(bSeal.code);
		expect(theirs).toContain('Genuine');
		expect(theirs).not.toContain(b.organisation.name);
		expect(theirs).not.toContain(b.location.name);
		for (const made of ['ZZZZ-ZZZZ-ZZZZ', '0000-0000-0001', 'hello', `${seals[0]!.code}X`]) {
			const page = await verifyCode(made);
			expect(page, made).toContain('No report carries this code.');
			expect(page, made).not.toContain('Genuine');
		}
	});

	test('the very PDF is genuine; the older version says a newer one exists', async () => {
		const v2 = await verifyFile(pdfV2);
		expect(v2).toContain('Genuine');
		expect(v2).toContain('This is the latest version.');
		const v1 = await verifyFile(pdfV1);
		expect(v1).toContain('Genuine');
		expect(v1).toContain('A newer version exists: version 2.');
	});

	test('an altered or forged PDF fails', async () => {
		// One byte changed inside the file (a digit of its trailer's creation date, or any byte).
		const altered = Buffer.from(pdfV2);
		const at = altered.indexOf('/CreationDate');
		altered[at + 20] = altered[at + 20] === 0x31 ? 0x32 : 0x31;
		expect(await verifyFile(altered)).toContain(
			`Not genuine: this file is not the report issued under code ${seals[1]!.code}`
		);
		// A report of organisation A relabelled with organisation B's code.
		const relabelled = Buffer.from(
			pdfV2.toString('latin1').replace(seals[1]!.code, bSeal.code),
			'latin1'
		);
		expect(relabelled.toString('latin1')).toContain(bSeal.code);
		expect(await verifyFile(relabelled)).toContain('Not genuine');
		// A hand-made PDF carrying a genuine code.
		const forged = Buffer.from(
			`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n3 0 obj << /Keywords (shopwalk-seal:${seals[1]!.code}) >> endobj\ntrailer << /Root 1 0 R /Info 3 0 R >>\n%%EOF\n`,
			'latin1'
		);
		const page = await verifyFile(forged);
		expect(page).toContain('Not genuine');
		expect(page).not.toContain('This is version');
	});

	test('refuses what is not a PDF, and finds no code in a PDF without one', async () => {
		const jpeg = audit.photos[0]!.bytes;
		expect(await verifyFile(jpeg, 'report.pdf')).toContain('This file is not a PDF.');
		const plain = Buffer.from(
			'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
		);
		expect(await verifyFile(plain)).toContain('No Shopwalk verification code was found');
	});

	test('is rate-limited per address: the 21st check within 10 minutes is refused', async () => {
		for (let i = 0; i < 20; i++) expect(await verifyCode('ZZZZ-ZZZZ-ZZZZ')).toContain('No report');
		const limited = await verifyCode(seals[0]!.code);
		expect(limited).toContain('Too many checks from your address.');
		expect(limited).not.toContain('Genuine');
		expect(await verifyFile(pdfV2)).toContain('Too many checks from your address.');
	});
});
