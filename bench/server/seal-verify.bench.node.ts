import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { expect, test } from 'vitest';
import { sealDigest, statementBytes } from '$lib/domain/seal';
import { listSealsOfAudit, findSealKey } from '$lib/server/repos/seals';
import { smallPhoto } from '$lib/server/reports/testing/report-fixture';
import { signatureHolds, statementOf, verifySealCode } from '$lib/server/seal/seal-service';
import { submitAudit } from '$lib/server/services/audit-submit';
import { upsertAudit } from '$lib/server/services/audit-upsert';
import {
	completeAuditOf,
	openSyncFixture,
	uploadAllPhotos
} from '$lib/server/services/test-helpers';
import { submitRequestOf } from '$lib/server/testing/complete-audit';
import { median, percentile, round, writeBenchRows, type BenchRow } from './report';

// Verifying a seal on the server: the statement in canonical form and its Ed25519 signature under
// the organisation's recorded public key (what /verify does for every code), against the same
// statement signed with ECDSA P-256 — the other usual choice — verified the same way, interleaved
// in one run. The whole code check (three indexed reads on SQLite plus the signature) is reported
// for information.
const WARM_UP = 200;
const MEASURED = 3000;
const RATIO_BUDGET = 1.5;

function timeNs(run: () => unknown): number {
	const start = process.hrtime.bigint();
	run();
	return Number(process.hrtime.bigint() - start);
}

test('seal verification: Ed25519 statement check vs ECDSA P-256, and the whole code check', async () => {
	const f = await openSyncFixture();
	try {
		const audit = completeAuditOf(f.a, { photoBytes: [await smallPhoto()] });
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, 1);
		await uploadAllPhotos(f.ctx, f.a.shopper, audit, 1);
		await submitAudit(
			f.ctx,
			f.a.shopper,
			audit.id,
			'bench-key',
			{ ...submitRequestOf(audit), seal: await sealDigest(audit.id, audit.upload) },
			2
		);
		const [seal] = await listSealsOfAudit(f.ctx.db, f.a.organisation.id, audit.id);
		const key = (await findSealKey(f.ctx.db, seal!.key_id))!;
		// The peer: the same statement, signed with P-256, its public key kept the same way (SPKI).
		const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const p256Der = p256.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
		const p256Signature = sign('sha256', statementBytes(statementOf(seal!)), p256.privateKey);
		const peerHolds = () =>
			verify(
				'sha256',
				statementBytes(statementOf(seal!)),
				createPublicKey({ key: Buffer.from(p256Der, 'base64'), format: 'der', type: 'spki' }),
				p256Signature
			);
		expect(signatureHolds(seal!, key.public_key)).toBe(true);
		expect(peerHolds()).toBe(true);

		const ours: number[] = [];
		const peer: number[] = [];
		for (let i = 0; i < WARM_UP + MEASURED; i++) {
			let o: number;
			let p: number;
			if (i % 2 === 0) {
				o = timeNs(() => signatureHolds(seal!, key.public_key));
				p = timeNs(peerHolds);
			} else {
				p = timeNs(peerHolds);
				o = timeNs(() => signatureHolds(seal!, key.public_key));
			}
			if (i >= WARM_UP) {
				ours.push(o / 1e6);
				peer.push(p / 1e6);
			}
		}
		const whole: number[] = [];
		for (let i = 0; i < 300; i++) {
			const start = process.hrtime.bigint();
			const answer = await verifySealCode(f.ctx.db, seal!.code);
			whole.push(Number(process.hrtime.bigint() - start) / 1e6);
			if (answer.kind !== 'genuine') throw new Error('the seal did not verify');
		}
		const oursMedian = median(ours);
		const peerMedian = median(peer);
		const ratio = round(oursMedian / peerMedian);
		const note = `${MEASURED} checks after ${WARM_UP} warm-up, interleaved; statement canonicalised, key parsed and signature verified on each`;
		const rows: BenchRow[] = [
			{
				id: 'seal.server-verify.signature',
				value: round(oursMedian, 4),
				unit: 'ms',
				peer: 'ECDSA P-256 over the same statement',
				peerValue: round(peerMedian, 4),
				ratio,
				budget: `<= ${RATIO_BUDGET}x`,
				pass: ratio <= RATIO_BUDGET,
				note
			},
			{
				id: 'seal.server-verify.code-check',
				value: round(median(whole)),
				unit: 'ms',
				budget: '<= 5 ms',
				pass: median(whole) <= 5,
				note: `the whole check of a code on SQLite (seal, key and newest version read, signature verified), 300 runs; p95 ${round(percentile(whole, 95))} ms`
			}
		];
		writeBenchRows('server-seal-verify', rows);
		console.log(JSON.stringify(rows, null, 2));
	} finally {
		await f.database.dispose();
	}
});
