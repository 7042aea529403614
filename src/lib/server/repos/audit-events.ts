import type { Insertable } from 'kysely';
import type { Db } from '../db/connect';
import type { AuditEventTable } from '../db/schema';

export type AuditEventKind = AuditEventTable['kind'];

/** One step of an audit's trail as the office shows it; the actor by pseudonym only. */
export interface AuditEventRecord {
	id: string;
	kind: AuditEventKind;
	revision: number;
	/** Null for the system (the report runner). */
	actor: { id: string; pseudonym: string; role: string } | null;
	details: Record<string, unknown>;
	createdAt: number;
}

/** Records one step of an audit's trail (inside the transaction that takes the step). */
export async function insertAuditEvent(db: Db, row: Insertable<AuditEventTable>): Promise<void> {
	await db.insertInto('audit_events').values(row).execute();
}

/** An audit's trail, oldest first (bounded: an audit has a handful of steps per review round). */
export async function listAuditEvents(
	db: Db,
	organisationId: string,
	auditId: string,
	limit = 500
): Promise<AuditEventRecord[]> {
	const rows = await db
		.selectFrom('audit_events')
		.leftJoin('users', 'users.id', 'audit_events.actor_id')
		.select([
			'audit_events.id',
			'audit_events.kind',
			'audit_events.revision',
			'audit_events.actor_id',
			'audit_events.details',
			'audit_events.created_at',
			'users.pseudonym',
			'users.role'
		])
		.where('audit_events.organisation_id', '=', organisationId)
		.where('audit_events.audit_id', '=', auditId)
		.orderBy('audit_events.created_at')
		.orderBy('audit_events.id')
		.limit(limit)
		.execute();
	return rows.map((row) => ({
		id: row.id,
		kind: row.kind,
		revision: Number(row.revision),
		actor:
			row.actor_id === null
				? null
				: { id: row.actor_id, pseudonym: row.pseudonym ?? '', role: row.role ?? '' },
		details: JSON.parse(row.details) as Record<string, unknown>,
		createdAt: Number(row.created_at)
	}));
}
