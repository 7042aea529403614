import { expect, test } from 'vitest';
import { sealDigest } from '$lib/domain/seal';
import { SEAL_BENCH_AUDIT_ID, sealBenchAudit } from '../seal-audit';
import { median, percentile, writeBenchRows, type BenchRow } from './report';

// The device's seal digest of a 150-checkpoint, 60-photo audit at submit, in Chromium: the
// canonical form (sorted keys and lists, domain/seal.ts) and SHA-256 through WebCrypto. The peer,
// interleaved in the same run, hashes the same audit's plain JSON.stringify — what a digest
// without a canonical form would cost, and could not be recomputed by the server.
const WARM_UP = 30;
const MEASURED = 200;
const BUDGET_MS = 50;
const RATIO_BUDGET = 4;

async function naiveDigest(value: unknown): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(value));
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Chromium's clock steps in 0.1 ms: each sample times a batch and reports the time per digest.
const BATCH = 10;

async function timed(run: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	for (let i = 0; i < BATCH; i++) await run();
	return (performance.now() - start) / BATCH;
}

test('seal digest on the device: canonical form + SHA-256 vs plain JSON + SHA-256', async () => {
	const audit = sealBenchAudit();
	expect(audit.answers).toHaveLength(150);
	expect(audit.photos).toHaveLength(60);
	const ours: number[] = [];
	const peer: number[] = [];
	const first = await sealDigest(SEAL_BENCH_AUDIT_ID, audit);
	for (let i = 0; i < WARM_UP + MEASURED; i++) {
		const runOurs = () => timed(() => sealDigest(SEAL_BENCH_AUDIT_ID, audit));
		const runPeer = () => timed(() => naiveDigest(audit));
		// Alternate who goes first so neither always runs on a warmer or busier moment.
		let o: number;
		let p: number;
		if (i % 2 === 0) {
			o = await runOurs();
			p = await runPeer();
		} else {
			p = await runPeer();
			o = await runOurs();
		}
		if (i >= WARM_UP) {
			ours.push(o);
			peer.push(p);
		}
	}
	expect(await sealDigest(SEAL_BENCH_AUDIT_ID, audit)).toBe(first);
	const round = (n: number) => Math.round(n * 1000) / 1000;
	const oursMedian = median(ours);
	const peerMedian = median(peer);
	const ratio = round(oursMedian / Math.max(peerMedian, 0.001));
	const note = `${MEASURED} samples of ${BATCH} digests after ${WARM_UP} warm-up, interleaved; 150 checkpoints, 30 notes, 60 photos; p95 ours ${round(percentile(ours, 95))} ms`;
	const rows: BenchRow[] = [
		{
			id: 'seal.device-digest.median',
			value: round(oursMedian),
			unit: 'ms',
			budget: `<= ${BUDGET_MS} ms`,
			pass: oursMedian <= BUDGET_MS,
			note
		},
		{
			id: 'seal.device-digest.vs-plain-json',
			value: round(oursMedian),
			unit: 'ms',
			peer: 'JSON.stringify + SHA-256 (not canonical)',
			peerValue: round(peerMedian),
			ratio,
			budget: `<= ${RATIO_BUDGET}.0x`,
			pass: ratio <= RATIO_BUDGET,
			note
		}
	];
	await writeBenchRows('seal-digest', rows);
	console.log(JSON.stringify(rows, null, 2));
});
