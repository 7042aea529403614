import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealDigest, sha256HexOf, statementBytes } from '$lib/domain/seal';
import type { AuditUpload } from '$lib/contract/sync';
import { ApiFailure } from '../http/api-error';
import { findAudit } from '../repos/audits';
import { listReportJobsOfAudit } from '../repos/report-jobs';
import { findSealKey, listSealsOfAudit, setSealReportSha256 } from '../repos/seals';
import { smallPhoto } from '../reports/testing/report-fixture';
import { ServiceError } from '../service-error';
import { approveAudit, returnAudit } from '../services/audit-review';
import { submitAudit } from '../services/audit-submit';
import { upsertAudit } from '../services/audit-upsert';
import {
	completeAuditOf,
	openSyncFixture,
	uploadAllPhotos,
	type SyncFixture
} from '../services/test-helpers';
import {
	distinctJpeg,
	photoEntry,
	submitRequestOf,
	type BuiltAudit
} from '../testing/complete-audit';
import type { TestOrganisation } from '../testing/factories';
import { serverSealDigest, signatureHolds, statementOf, verifySealCode } from './seal-service';
import { ensureSigningKeys, forgetSigningKeys, sealKeyDir } from './signing-keys';

const NOW = 1_760_000_000_000;

async function refusal(run: Promise<unknown>): Promise<ApiFailure> {
	const error = await run.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ServiceError);
	return ApiFailure.fromServiceError(error as ServiceError);
}

/** What the tablet sends with its submit: the digest of exactly its upload. */
const deviceDigest = (audit: BuiltAudit) => sealDigest(audit.id, audit.upload);

async function store(f: SyncFixture, org: TestOrganisation, audit: BuiltAudit, at = NOW) {
	await upsertAudit(f.ctx, org.shopper, audit.id, audit.upload, at);
	await uploadAllPhotos(f.ctx, org.shopper, audit, at);
}

async function submit(f: SyncFixture, org: TestOrganisation, audit: BuiltAudit, at: number) {
	return submitAudit(
		f.ctx,
		org.shopper,
		audit.id,
		`${audit.id}:submit:${audit.upload.revision}`,
		{ ...submitRequestOf(audit), seal: await deviceDigest(audit) },
		at
	);
}

describe('the seal on the server', () => {
	let f: SyncFixture;
	beforeEach(async () => {
		forgetSigningKeys();
		f = await openSyncFixture(NOW);
	});
	afterEach(async () => {
		await f.database.dispose();
	});

	const variants: [string, (a: BuiltAudit, photo: Uint8Array) => void][] = [
		[
			'unicode notes',
			(a) => {
				a.upload.notes = a.upload.notes.map((n) => ({
					...n,
					text: 'Ærlig 👩🏽‍💼 e\u0301 “ok” \\ 日本'
				}));
				a.upload.narrative = 'Zażółć gęślą jaźń\nÆblegrød';
			}
		],
		[
			'no photos',
			(a) => {
				a.upload.photos = [];
				a.photos = [];
			}
		],
		[
			'sixty photos',
			(a, photo) => {
				while (a.photos.length < 60) {
					const bytes = distinctJpeg(photo, a.photos.length);
					const entry = photoEntry(bytes, {
						checkpointId: null,
						kind: 'general',
						capturedAt: NOW - a.photos.length * 1000
					});
					a.photos.push({ bytes, entry });
				}
				a.upload.photos = a.photos.map((p) => p.entry);
			}
		],
		[
			'n.a. answers',
			(a) => {
				const naTo = new Set(completeAuditOfTemplateNa(f.a).map((checkpoint) => checkpoint));
				a.upload.answers = a.upload.answers.map((answer) =>
					naTo.has(answer.checkpointId) ? { ...answer, value: 'na' } : answer
				);
			}
		]
	];

	/** Checkpoints of A's template that take n.a. */
	function completeAuditOfTemplateNa(org: TestOrganisation): string[] {
		return org.template.stages.flatMap((s) =>
			s.checkpoints.filter((c) => c.response.type === 'yes_no_na').map((c) => c.id)
		);
	}

	it.each(variants)(
		'%s: the device’s digest of its upload is the server’s of what it stored',
		async (_, change) => {
			const audit = completeAuditOf(f.a);
			change(audit, await smallPhoto());
			await store(f, f.a, audit);
			const row = (await findAudit(f.ctx.db, audit.id))!;
			expect(await serverSealDigest(f.ctx.db, row)).toBe(await deviceDigest(audit));
			if (_ === 'n.a. answers')
				expect(audit.upload.answers.some((a) => a.value === 'na')).toBe(true);
			if (_ === 'sixty photos') expect(audit.upload.photos).toHaveLength(60);
		}
	);

	it('records the agreed digest at submit, signed with the organisation’s Ed25519 key kept in the data folder', async () => {
		const audit = completeAuditOf(f.a, { photoBytes: [await smallPhoto()] });
		await store(f, f.a, audit);
		await submit(f, f.a, audit, NOW + 1);
		const [seal] = await listSealsOfAudit(f.ctx.db, f.a.organisation.id, audit.id);
		expect(seal).toMatchObject({ version: 1, state: 'submitted', revision: 1, previous_id: null });
		expect(seal!.digest).toBe(await deviceDigest(audit));
		const key = (await findSealKey(f.ctx.db, seal!.key_id))!;
		expect(key.organisation_id).toBe(f.a.organisation.id);
		expect(signatureHolds(seal!, key.public_key)).toBe(true);
		expect(signatureHolds({ ...seal!, digest: 'f'.repeat(64) }, key.public_key)).toBe(false);
		// The private key is a 0600 file in the data folder; a restart uses the same key.
		const dir = sealKeyDir(f.ctx.dataDir, {});
		const file = `${dir}/${createHash('sha256').update(f.a.organisation.id).digest('hex').slice(0, 32)}.pem`;
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		forgetSigningKeys();
		const other = completeAuditOf(f.a, { photoBytes: [await smallPhoto()] });
		await store(f, f.a, other);
		await submit(f, f.a, other, NOW + 2);
		const [again] = await listSealsOfAudit(f.ctx.db, f.a.organisation.id, other.id);
		expect(again!.key_id).toBe(seal!.key_id);
		// Made at start for every organisation: the same key again, and B's own.
		forgetSigningKeys();
		expect(await ensureSigningKeys(f.ctx.db, dir)).toBeGreaterThanOrEqual(2);
		expect(
			await f.ctx.db
				.selectFrom('seal_keys')
				.select('id')
				.where('organisation_id', '=', f.a.organisation.id)
				.execute()
		).toEqual([{ id: seal!.key_id }]);
		// Organisation B has a key of its own.
		const theirs = completeAuditOf(f.b, { photoBytes: [await smallPhoto()] });
		await store(f, f.b, theirs);
		await submit(f, f.b, theirs, NOW + 3);
		const [bSeal] = await listSealsOfAudit(f.ctx.db, f.b.organisation.id, theirs.id);
		expect(bSeal!.key_id).not.toBe(seal!.key_id);
	});

	it('refuses a submit whose device digest differs, and changes nothing', async () => {
		const audit = completeAuditOf(f.a, { photoBytes: [await smallPhoto()] });
		await store(f, f.a, audit);
		// The device believes in another answer than the server holds under this revision.
		const believed: AuditUpload = {
			...audit.upload,
			answers: audit.upload.answers.map((a, i) => (i ? a : { ...a, answeredAt: a.answeredAt + 1 }))
		};
		const failure = await refusal(
			submitAudit(
				f.ctx,
				f.a.shopper,
				audit.id,
				'k-1',
				{
					...submitRequestOf(audit),
					seal: await sealDigest(audit.id, believed)
				},
				NOW + 1
			)
		);
		expect(failure.status).toBe(409);
		expect(failure.code).toBe('seal_mismatch');
		expect((await findAudit(f.ctx.db, audit.id))!.state).toBe('draft');
		expect(await listSealsOfAudit(f.ctx.db, f.a.organisation.id, audit.id)).toEqual([]);
		expect(await listReportJobsOfAudit(f.ctx.db, audit.id)).toHaveLength(0);
		// The right digest, with a fresh key, goes through.
		await submit(f, f.a, audit, NOW + 2);
		expect((await findAudit(f.ctx.db, audit.id))!.state).toBe('submitted');
	});

	it('chains every review version to the one before: submit, return, resubmit, approve', async () => {
		const audit = completeAuditOf(f.a, { photoBytes: [await smallPhoto()] });
		await store(f, f.a, audit);
		await submit(f, f.a, audit, NOW + 1);
		await returnAudit(
			f.ctx,
			f.a.manager,
			audit.id,
			{
				expectedState: 'submitted',
				expectedRevision: 1,
				comment: 'More detail, please.',
				checkpointComments: []
			},
			NOW + 2
		);
		audit.upload = { ...audit.upload, revision: 2, narrative: 'Now with more detail.' };
		await store(f, f.a, audit, NOW + 3);
		await submit(f, f.a, audit, NOW + 4);
		await approveAudit(
			f.ctx,
			f.a.manager,
			audit.id,
			{
				expectedState: 'resubmitted',
				expectedRevision: 2
			},
			NOW + 5
		);
		const seals = await listSealsOfAudit(f.ctx.db, f.a.organisation.id, audit.id);
		expect(seals.map((s) => [s.version, s.state, s.revision])).toEqual([
			[1, 'submitted', 1],
			[2, 'returned', 1],
			[3, 'resubmitted', 2],
			[4, 'approved', 2]
		]);
		const jobs = await listReportJobsOfAudit(f.ctx.db, audit.id);
		expect(jobs.map((j) => j.version)).toEqual([1, 2, 3, 4]);
		expect(seals[0]!.previous_id).toBeNull();
		for (let i = 1; i < seals.length; i++) {
			expect(seals[i]!.previous_id).toBe(seals[i - 1]!.id);
			expect(seals[i]!.previous_hash).toBe(
				await sha256HexOf(statementBytes(statementOf(seals[i - 1]!)))
			);
		}
		// A review decision seals the same content; the resubmission seals the edit.
		expect(seals[1]!.digest).toBe(seals[0]!.digest);
		expect(seals[2]!.digest).not.toBe(seals[1]!.digest);
		expect(seals[2]!.digest).toBe(await deviceDigest(audit));
		expect(seals[3]!.digest).toBe(seals[2]!.digest);
		const key = (await findSealKey(f.ctx.db, seals[0]!.key_id))!;
		for (const seal of seals) expect(signatureHolds(seal, key.public_key)).toBe(true);
		expect(new Set(seals.map((s) => s.code)).size).toBe(4);
	});

	it('verifies a code: genuine, its version and whether a newer one exists; nothing else', async () => {
		const audit = completeAuditOf(f.a, { photoBytes: [await smallPhoto()] });
		await store(f, f.a, audit);
		await submit(f, f.a, audit, NOW + 1);
		await approveAudit(
			f.ctx,
			f.a.manager,
			audit.id,
			{ expectedState: 'submitted', expectedRevision: 1 },
			NOW + 2
		);
		const [v1, v2] = await listSealsOfAudit(f.ctx.db, f.a.organisation.id, audit.id);
		const first = await verifySealCode(f.ctx.db, v1!.code.toLowerCase());
		expect(first).toEqual({
			kind: 'genuine',
			code: v1!.code,
			version: 1,
			sealedAt: NOW + 1,
			latestVersion: 2
		});
		expect(await verifySealCode(f.ctx.db, v2!.code)).toMatchObject({
			kind: 'genuine',
			version: 2,
			latestVersion: 2
		});
		expect(await verifySealCode(f.ctx.db, '0000-0000-0000')).toEqual({ kind: 'unknown' });
		expect(await verifySealCode(f.ctx.db, 'not a code')).toEqual({ kind: 'unknown' });
		// A file: genuine only when it is the very PDF issued under the code.
		expect(await verifySealCode(f.ctx.db, v2!.code, 'a'.repeat(64))).toMatchObject({
			kind: 'file_unconfirmed'
		});
		await setSealReportSha256(f.ctx.db, audit.id, 2, 'b'.repeat(64));
		expect(await verifySealCode(f.ctx.db, v2!.code, 'b'.repeat(64))).toMatchObject({
			kind: 'genuine'
		});
		expect(await verifySealCode(f.ctx.db, v2!.code, 'a'.repeat(64))).toMatchObject({
			kind: 'file_differs'
		});
		// A seal altered in the database no longer verifies: its signature does not hold.
		await f.ctx.db
			.updateTable('audit_seals')
			.set({ digest: 'c'.repeat(64) })
			.where('id', '=', v1!.id)
			.execute();
		expect(await verifySealCode(f.ctx.db, v1!.code)).toEqual({ kind: 'unknown' });
	});
});
