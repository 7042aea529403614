import { randomUUID } from 'node:crypto';
import type { SessionUser } from '$lib/contract/auth';
import { handInAction, REVIEW_TRANSITIONS } from '$lib/domain/review-transitions';
import type { SubmitRequest, SubmitResponse } from '$lib/contract/sync';
import { validateAudit } from '$lib/domain/validation';
import type { Db } from '../db/connect';
import { ServiceError } from '../service-error';
import { findAudit, lockAudit, markSubmitted, type AuditRow } from '../repos/audits';
import { insertAuditEvent } from '../repos/audit-events';
import { findIdempotencyKey, insertIdempotencyKey } from '../repos/idempotency-keys';
import { getLocation } from '../repos/locations';
import { listPhotosOfAudit } from '../repos/photos';
import { writeScoreRows } from '../repos/score-rows';
import { announceReportQueued, queueReport } from '../reports/report-queue';
import { requireFieldWork, requireOwnAudit } from './audit-access';
import { answerMap, noteMap, parseContent, scoreContent } from './audit-content';
import { photoStoreOf, type ServiceContext } from './context';
import { requireUuid } from './ids';
import { completeAssignment, findPublishedTemplate } from './org-lookups';
import { sha256Hex } from './sha256';
import { sealReportVersion, sealSourceOf } from '../seal/seal-service';
import { organisationSigningKey, sealKeyDir } from '../seal/signing-keys';
import { sealDigest } from '$lib/domain/seal';
import { encodeStoredScore } from './stored-score';

export interface SubmitOutcome {
	status: number;
	body: SubmitResponse;
}

const LOCKED_STATES: readonly AuditRow['state'][] = ['submitted', 'resubmitted', 'approved'];

/**
 * `POST /api/audits/{id}/submit`: hands the audit in for review, exactly once per key. The
 * outcome is stored under (user, key): a replay with the same request gets the same status and
 * body, the same key with another request 422 idempotency_key_reused. Failures are not stored, so
 * the device may retry them with the same key once the cause is fixed. Accepted only at the
 * stored revision, with the server's exact photo manifest, every photo's bytes on the server and
 * a complete audit (domain `validateAudit`); the server re-scores. draft → submitted, returned →
 * resubmitted; an audit already handed in at this revision answers 200 with its current state.
 * A real state change queues the next report version in the same transaction (a replay does not).
 * The hand-in is sealed (seal/seal-service.ts): the server's seal digest of the stored revision,
 * which must equal the device's `seal` when one is sent, signed with the organisation's key.
 * Failures: 400 invalid_idempotency_key / invalid_id; 404 audit_not_found; 409
 * revision_mismatch / manifest_mismatch / photos_missing / seal_mismatch; 422 audit_incomplete /
 * idempotency_key_reused.
 */
export async function submitAudit(
	ctx: ServiceContext,
	user: SessionUser,
	auditId: string,
	idempotencyKey: string | null,
	request: SubmitRequest,
	now: number
): Promise<SubmitOutcome> {
	if (idempotencyKey === null || idempotencyKey.length < 1 || idempotencyKey.length > 200) {
		throw new ServiceError(
			'bad_request',
			'invalid_idempotency_key',
			'Send an Idempotency-Key header of 1 to 200 characters.'
		);
	}
	requireFieldWork(user);
	requireUuid(auditId, 'audit');
	const requestHash = hashRequest(auditId, request);
	const replay = await replayOf(ctx.db, user.id, idempotencyKey, requestHash);
	if (replay) return replay;
	const audit = requireOwnAudit(user, await findAudit(ctx.db, auditId));
	const template = await findPublishedTemplate(
		ctx.db,
		audit.organisation_id,
		audit.template_id,
		audit.template_version
	);
	if (!template)
		throw new ServiceError('invalid', 'unknown_template', 'The audit’s template is gone.');
	const store = photoStoreOf(ctx);
	// Read (or made) before the transaction: it may write its file and its public key's row.
	const key = await organisationSigningKey(ctx.db, sealKeyDir(ctx.dataDir), audit.organisation_id);

	let queued = false;
	const result = await ctx.db.transaction().execute(async (trx) => {
		// Serialises submits of this audit, so a concurrent replay of the key sees the first outcome.
		await lockAudit(trx, auditId);
		const raced = await replayOf(trx, user.id, idempotencyKey, requestHash);
		if (raced) return raced;
		const current = requireOwnAudit(user, await findAudit(trx, auditId));
		let outcome: SubmitOutcome;
		if (LOCKED_STATES.includes(current.state)) {
			if (request.revision !== current.revision) throw revisionMismatch(current);
			outcome = { status: 200, body: bodyOf(current, current.submitted_at ?? now) };
		} else {
			if (request.revision !== current.revision) throw revisionMismatch(current);
			const photos = await listPhotosOfAudit(trx, auditId);
			checkManifest(request, photos);
			const missing: string[] = [];
			for (const photo of photos) {
				const key = { organisationId: current.organisation_id, auditId, photoId: photo.id };
				if (photo.stored_at === null || !(await store.exists(key))) missing.push(photo.id);
			}
			if (missing.length > 0) {
				throw new ServiceError(
					'conflict',
					'photos_missing',
					'Upload every photo before submitting.',
					{
						missing
					}
				);
			}
			const content = parseContent(current.content);
			const digest = await sealDigest(auditId, sealSourceOf(current, content, photos));
			if (request.seal !== undefined && request.seal !== digest) {
				throw new ServiceError(
					'conflict',
					'seal_mismatch',
					'The device’s seal of this revision differs from the server’s: the server holds other content under this revision. Nothing was submitted.',
					{ revision: current.revision, serverDigest: digest }
				);
			}
			const problems = validateAudit({
				template,
				answers: answerMap(content),
				notes: noteMap(content),
				photos: photos.map((photo) => ({
					id: photo.id,
					checkpointId: photo.checkpoint_id,
					kind: photo.kind
				})),
				timeOut: content.timeOut
			});
			if (problems.length > 0) {
				throw new ServiceError('invalid', 'audit_incomplete', 'The audit is not complete.', {
					problems
				});
			}
			const score = scoreContent(template, content);
			const action = handInAction(current.state);
			if (action === null) throw revisionMismatch(current);
			const state = REVIEW_TRANSITIONS[action].to;
			const changed = {
				state,
				score: encodeStoredScore(score),
				totalPercent: score.totalPercent,
				submittedAt: now
			};
			await markSubmitted(trx, auditId, changed);
			// The insights' score rows, committed with the hand-in or not at all.
			const location =
				(await getLocation(trx, current.organisation_id, current.location_id)) ?? content.location;
			await writeScoreRows(trx, {
				auditId,
				organisationId: current.organisation_id,
				templateId: current.template_id,
				templateVersion: current.template_version,
				state,
				visitedAt: content.timeIn,
				location: { ...location, id: current.location_id },
				score
			});
			if (current.assignment_id !== null) {
				await completeAssignment(trx, current.organisation_id, current.assignment_id, now);
			}
			await insertAuditEvent(trx, {
				id: randomUUID(),
				organisation_id: current.organisation_id,
				audit_id: auditId,
				actor_id: user.id,
				kind: state,
				revision: current.revision,
				details: JSON.stringify({ totalPercent: score.totalPercent }),
				created_at: now
			});
			// The report version of this hand-in, made from exactly this revision, and its seal,
			// committed with it or not at all.
			const handedIn = {
				...current,
				state,
				score: changed.score,
				total_percent: changed.totalPercent,
				submitted_at: now,
				updated_at: now
			};
			const job = await queueReport(trx, handedIn, now);
			await sealReportVersion(trx, key, handedIn, job.version, now, digest);
			queued = true;
			outcome = {
				status: 200,
				body: bodyOf({ ...current, state, total_percent: score.totalPercent }, now)
			};
		}
		const stored = await insertIdempotencyKey(trx, {
			user_id: user.id,
			key: idempotencyKey,
			request_hash: requestHash,
			status_code: outcome.status,
			response: JSON.stringify(outcome.body),
			created_at: now
		});
		// Taken meanwhile by a request for another audit: that one owns the key.
		if (!stored) throw keyReused();
		return outcome;
	});
	if (queued) announceReportQueued();
	return result;
}

/**
 * SHA-256 of the request in a canonical form: the audit, the revision and the manifest sorted by
 * photo id, so the same submit hashes the same whatever the JSON's key or array order.
 */
export function hashRequest(auditId: string, request: SubmitRequest): string {
	const photos = [...request.photos]
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
		.map((photo) => [photo.id, photo.sha256]);
	// A seal digest joins the hash only when sent, so requests from before the seal hash as they did.
	const parts: unknown[] = ['submit', auditId, request.revision, photos];
	if (request.seal !== undefined) parts.push(request.seal);
	return sha256Hex(JSON.stringify(parts));
}

async function replayOf(
	db: Db,
	userId: string,
	key: string,
	requestHash: string
): Promise<SubmitOutcome | null> {
	const row = await findIdempotencyKey(db, userId, key);
	if (!row) return null;
	if (row.request_hash !== requestHash) throw keyReused();
	return { status: row.status_code, body: JSON.parse(row.response) as SubmitResponse };
}

function checkManifest(
	request: SubmitRequest,
	photos: readonly { id: string; sha256: string }[]
): void {
	const server = new Map(photos.map((photo) => [photo.id, photo.sha256]));
	const sent = new Map(request.photos.map((photo) => [photo.id, photo.sha256]));
	const unknown = [...sent.keys()].filter((id) => !server.has(id));
	const absent = [...server.keys()].filter((id) => !sent.has(id));
	const changed = [...sent].filter(([id, sha]) => server.has(id) && server.get(id) !== sha);
	if (unknown.length + absent.length + changed.length > 0 || sent.size !== request.photos.length) {
		throw new ServiceError(
			'conflict',
			'manifest_mismatch',
			'The photos sent differ from the audit’s manifest on the server; upload the audit again.',
			{ unknown, absent, changed: changed.map(([id]) => id) }
		);
	}
}

function bodyOf(audit: AuditRow, submittedAt: number): SubmitResponse {
	return {
		id: audit.id,
		state: audit.state,
		revision: audit.revision,
		totalPercent: audit.total_percent,
		submittedAt
	};
}

function revisionMismatch(audit: AuditRow): ServiceError {
	return new ServiceError(
		'conflict',
		'revision_mismatch',
		'The server holds another revision of this audit; upload it again first.',
		{ serverRevision: audit.revision, state: audit.state }
	);
}

function keyReused(): ServiceError {
	return new ServiceError(
		'invalid',
		'idempotency_key_reused',
		'This Idempotency-Key was used for a different request.'
	);
}
