import type { Location } from '$lib/domain/types';
import type { Db } from '../db/connect';
import { COUNTED_STATES, writeScoreRowsOf, type ScoreRowsSource } from '../repos/score-rows';
import { decodeStoredScore } from './stored-score';

/**
 * (Re)writes the score rows of every handed-in audit from its stored score JSON, `batchSize`
 * audits per transaction in id order, so memory and lock time stay bounded at any size. Used by
 * migration 010 and after bulk loads (the scale seeder). Safe to run again: each audit's rows are
 * replaced. Returns how many audits got rows.
 */
export async function backfillScoreRows(
	db: Db,
	options: { batchSize?: number; organisationId?: string } = {}
): Promise<number> {
	const batchSize = options.batchSize ?? 500;
	let after = '';
	let written = 0;
	for (;;) {
		let query = db
			.selectFrom('audits')
			.leftJoin('locations', 'locations.id', 'audits.location_id')
			.select([
				'audits.id',
				'audits.organisation_id',
				'audits.template_id',
				'audits.template_version',
				'audits.location_id',
				'audits.state',
				'audits.score',
				'audits.content',
				'locations.kind',
				'locations.region',
				'locations.brand'
			])
			.where('audits.id', '>', after)
			.where('audits.state', 'in', COUNTED_STATES);
		if (options.organisationId)
			query = query.where('audits.organisation_id', '=', options.organisationId);
		const batch = await query.orderBy('audits.id').limit(batchSize).execute();
		if (batch.length === 0) return written;
		const sources: ScoreRowsSource[] = [];
		for (const row of batch) {
			const content = JSON.parse(row.content) as { timeIn?: number; location?: Location };
			const score = decodeStoredScore(row.score);
			const snapshot = content.location;
			sources.push({
				auditId: row.id,
				organisationId: row.organisation_id,
				templateId: row.template_id,
				templateVersion: row.template_version,
				state: row.state,
				visitedAt: Number(content.timeIn ?? 0),
				location: {
					id: row.location_id,
					kind: row.kind ?? snapshot?.kind ?? 'own',
					region: row.region ?? snapshot?.region ?? '',
					brand: row.brand ?? snapshot?.brand ?? ''
				},
				score
			});
		}
		// Inside a migration the caller's transaction holds everything; otherwise one per batch.
		if (db.isTransaction) await writeScoreRowsOf(db, sources);
		else await db.transaction().execute((trx) => writeScoreRowsOf(trx, sources));
		written += sources.length;
		after = batch[batch.length - 1]!.id;
	}
}
