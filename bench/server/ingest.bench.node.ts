import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connect';
import { publishTemplate } from '$lib/server/repos/templates';
import type { ServiceContext } from '$lib/server/services/context';
import { submitAudit } from '$lib/server/services/audit-submit';
import { upsertAudit } from '$lib/server/services/audit-upsert';
import {
	buildCompleteAudit,
	submitRequestOf,
	type BuiltAudit
} from '$lib/server/testing/complete-audit';
import { createTestOrganisation } from '$lib/server/testing/factories';
import { auditLTemplate, contractLocation } from './audit-l-template';
import { median, round, writeBenchRows, type BenchRow } from './report';

// S1 — database ingest (performance-anchors §8.4): 1,000 submitted Audit-L answer sets.
const WARM_UP = 20;
const OURS_AUDITS = 1000;
// The peer pays an fsync per row (~150 per audit), so it is measured on a sample spread evenly
// through ours' run.
const PEER_AUDITS = 60;
const GATE = 0.05;
const SYNC_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** The naive server of the issue: better-sqlite3 defaults and one autocommitted INSERT per answer. */
function openPeer(file: string) {
	// Defaults: journal_mode=DELETE (rollback journal), synchronous=FULL.
	const sqlite = new SQLite(file);
	sqlite.exec(`
		CREATE TABLE audits (
			id TEXT PRIMARY KEY, organisation_id TEXT NOT NULL, shopper_id TEXT NOT NULL,
			template_id TEXT NOT NULL, template_version INTEGER NOT NULL, location_id TEXT NOT NULL,
			revision INTEGER NOT NULL, state TEXT NOT NULL, submitted_at INTEGER NOT NULL
		);
		CREATE TABLE answers (audit_id TEXT NOT NULL, checkpoint_id TEXT NOT NULL, value TEXT NOT NULL);
	`);
	const insertAudit = sqlite.prepare(
		'INSERT INTO audits VALUES (@id, @org, @shopper, @template, @version, @location, @revision, @state, @at)'
	);
	const insertAnswer = sqlite.prepare(
		'INSERT INTO answers (audit_id, checkpoint_id, value) VALUES (?, ?, ?)'
	);
	return {
		journal: String(sqlite.pragma('journal_mode', { simple: true })),
		synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
		ingest(audit: BuiltAudit, org: string, shopper: string, now: number) {
			const { upload } = audit;
			insertAudit.run({
				id: audit.id,
				org,
				shopper,
				template: upload.templateId,
				version: upload.templateVersion,
				location: upload.location.id,
				revision: upload.revision,
				state: 'submitted',
				at: now
			});
			for (const answer of upload.answers) {
				insertAnswer.run(audit.id, answer.checkpointId, JSON.stringify(answer.value));
			}
		},
		count: () =>
			sqlite.prepare('SELECT COUNT(*) AS n FROM answers').get() as {
				n: number;
			},
		close: () => sqlite.close()
	};
}

test('server ingest: WAL + one transaction per audit vs autocommit per answer', async () => {
	const oursDir = mkdtempSync(join(tmpdir(), 'shopwalk-bench-ingest-ours-'));
	const peerDir = mkdtempSync(join(tmpdir(), 'shopwalk-bench-ingest-peer-'));
	const handle = await openDatabase({ dataDir: oursDir });
	const peer = openPeer(join(peerDir, 'naive.sqlite'));
	try {
		const { db } = handle;
		const pragma = async (name: string) =>
			Object.values((await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0] as object)[0] as unknown;
		const journal = String(await pragma('journal_mode'));
		const synchronous = Number(await pragma('synchronous'));
		const now = Date.now();
		const { organisation, shopper, location } = await createTestOrganisation(db, { now });
		const { template } = await publishTemplate(db, organisation.id, auditLTemplate(), now);
		const ctx: ServiceContext = { db, dataDir: oursDir };
		const build = () =>
			buildCompleteAudit({
				template,
				location: contractLocation(location),
				receipt: false,
				photoBytes: []
			});
		const ours = Array.from({ length: WARM_UP + OURS_AUDITS }, build);
		const peers = Array.from({ length: WARM_UP + PEER_AUDITS }, build);
		const answersPerAudit = ours[0]!.upload.answers.length;
		expect(answersPerAudit).toBe(150);
		expect(ours[0]!.photos).toHaveLength(0);

		let submitted = 0;
		const ingestOurs = async (audit: BuiltAudit): Promise<number> => {
			const start = performance.now();
			await upsertAudit(ctx, shopper, audit.id, audit.upload, now);
			const outcome = await submitAudit(
				ctx,
				shopper,
				audit.id,
				randomUUID(),
				submitRequestOf(audit),
				now
			);
			const elapsed = performance.now() - start;
			if (outcome.body.state === 'submitted') submitted++;
			return elapsed;
		};
		const ingestPeer = (audit: BuiltAudit): number => {
			const start = performance.now();
			peer.ingest(audit, organisation.id, shopper.id, now);
			return performance.now() - start;
		};

		for (let i = 0; i < WARM_UP; i++) {
			await ingestOurs(ours[i]!);
			ingestPeer(peers[i]!);
		}
		submitted = 0;

		// Interleaved: after every `step`-th audit of ours, one audit of the peer.
		const step = Math.floor(OURS_AUDITS / PEER_AUDITS);
		const oursMs: number[] = [];
		const peerMs: number[] = [];
		const pairRatios: number[] = [];
		for (let i = 0; i < OURS_AUDITS; i++) {
			const t = await ingestOurs(ours[WARM_UP + i]!);
			oursMs.push(t);
			if ((i + 1) % step === 0 && peerMs.length < PEER_AUDITS) {
				const p = ingestPeer(peers[WARM_UP + peerMs.length]!);
				peerMs.push(p);
				pairRatios.push(t / p);
			}
		}
		expect(submitted).toBe(OURS_AUDITS);
		expect(peerMs).toHaveLength(PEER_AUDITS);
		expect(peer.count().n).toBe((WARM_UP + PEER_AUDITS) * answersPerAudit);

		const oursMedian = median(oursMs);
		const peerMedian = median(peerMs);
		const ratio = oursMedian / peerMedian;
		const oursTotalS = oursMs.reduce((a, b) => a + b, 0) / 1000;
		const oursSide =
			`ours: the app's openDatabase (SQLite journal_mode=${journal}, synchronous=${SYNC_NAMES[synchronous] ?? synchronous}) on a fresh temp file; ` +
			`per audit upsertAudit (lookups, re-score, one transaction) then submitAudit with an Idempotency-Key ` +
			`(validate, re-score, one transaction)`;
		const peerSide =
			`peer: a fresh better-sqlite3 file with defaults (journal_mode=${peer.journal}, synchronous=${SYNC_NAMES[peer.synchronous] ?? peer.synchronous}), ` +
			`one autocommitted INSERT of the audit row and one per answer (${answersPerAudit})`;
		const rows: BenchRow[] = [
			{
				id: 'server.ingest-per-audit',
				value: round(oursMedian),
				unit: 'ms',
				peer: 'autocommitted insert per answer (rollback journal)',
				peerValue: round(peerMedian),
				ratio: round(ratio, 4),
				budget: `<= ${GATE}x`,
				pass: ratio <= GATE,
				note:
					`Median per-audit ingest of a submitted ${answersPerAudit}-answer audit, same engine and disk (${tmpdir()}). ` +
					`${oursSide}; ${OURS_AUDITS} audits measured. ${peerSide}; ${PEER_AUDITS} audits measured, one after every ${step}th of ours. ` +
					`Warm-up ${WARM_UP} each, interleaved. Median of per-pair ratios ${round(median(pairRatios), 4)}.`
			},
			{
				id: 'server.ingest-1000-audits',
				value: round(oursTotalS),
				unit: 's',
				pass: true,
				note:
					`${round(OURS_AUDITS / oursTotalS, 1)} audits/s (${round((OURS_AUDITS * answersPerAudit) / oursTotalS, 0)} answers/s): ` +
					`sum of ours' per-audit times for ${OURS_AUDITS} submitted ${answersPerAudit}-answer audits (upsert + submit), ` +
					`the peer's interleaved inserts excluded. Informational.`
			}
		];
		writeBenchRows('server-ingest', rows);
		expect(rows).toHaveLength(2);
	} finally {
		peer.close();
		await handle.close();
		rmSync(oursDir, { recursive: true, force: true });
		rmSync(peerDir, { recursive: true, force: true });
	}
});
