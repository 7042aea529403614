import type { SessionUser } from '$lib/contract/auth';
import type { PullResponse } from '$lib/contract/sync';
import { parseStoredBrief } from '$lib/domain/brief';
import { runsAudits } from '$lib/domain/roles';
import { listReviewedAuditsSince } from '../repos/audits';
import { getPresenceCheck, listPresenceTargets } from '../repos/presence';
import { listCommentsOfAudits } from '../repos/review-comments';
import { listArchivedTemplateIds } from '../repos/template-drafts';
import type { ServiceContext } from './context';
import {
	listAssignmentsSince,
	listLocationsSince,
	listTemplatesSince,
	type LocationRow
} from './org-lookups';

/**
 * How far the returned cursor lags the clock. Rows are stamped before their transaction commits,
 * so a row stamped just before `now` may become visible only after this response was built; the
 * next pull starts this far back and picks it up (the device deduplicates by id).
 */
export const PULL_SAFETY_MARGIN_MS = 10_000;

/**
 * What "recent" means for a first pull (`since` = 0, a new or reset device): visits whose window
 * ended within this span, and audits whose review state changed within it, come along with every
 * open visit and every returned audit; older history stays on the server (the office has it).
 */
export const RECENT_HISTORY_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * `GET /api/sync/pull?since=`: what changed for this user at or after `since` (0: everything).
 * Templates: the organisation's versions published since; locations: the organisation's changed
 * since; assignments: the shopper's own (managers and admins: the organisation's); audits: the
 * user's own audits out of draft whose state changed since, with all their review comments.
 * A first pull (`since` = 0) sends only what a device needs: open visits and those of the last
 * `RECENT_HISTORY_MS`, returned audits and those reviewed in that span — not a year of history.
 * Templates and locations are the organisation's (a shopper may start a visit at any store); they
 * grow with the programme, not with time. `archivedTemplateIds` is whole every pull, whatever
 * `since`: archiving changes the template's head, never its immutable versions, so the versions
 * already on a device cannot say it. `history: 'all'` is the full pull, for comparison only.
 */
export async function pullChanges(
	ctx: ServiceContext,
	user: SessionUser,
	since: number,
	now: number,
	options: { history?: 'recent' | 'all' } = {}
): Promise<PullResponse> {
	const organisationId = user.organisation.id;
	const cursor = Math.max(0, now - PULL_SAFETY_MARGIN_MS);
	// Everyone's visits are their own: a manager who runs audits gets their own assignments, not
	// the whole organisation's (the office plans and lists visits from the server).
	const shopperFilter = user.id;
	const recentFrom =
		since === 0 && options.history !== 'all' ? Math.max(0, now - RECENT_HISTORY_MS) : undefined;
	const [templates, locations, assignments, audits, presenceOn, archivedTemplateIds] =
		await Promise.all([
			listTemplatesSince(ctx.db, organisationId, since),
			listLocationsSince(ctx.db, organisationId, since),
			listAssignmentsSince(ctx.db, organisationId, since, shopperFilter, recentFrom),
			listReviewedAuditsSince(ctx.db, user.id, organisationId, since, recentFrom),
			getPresenceCheck(ctx.db, organisationId),
			listArchivedTemplateIds(ctx.db, organisationId)
		]);
	// Store positions go only to the devices of those who run audits, and only for their own
	// open assignments' stores.
	const presenceStores =
		presenceOn && runsAudits(user)
			? await listPresenceTargets(ctx.db, organisationId, user.id)
			: [];
	const comments = await listCommentsOfAudits(
		ctx.db,
		organisationId,
		audits.map((audit) => audit.id)
	);
	return {
		cursor,
		templates: templates as unknown as PullResponse['templates'],
		locations: locations.map(locationOf),
		assignments: assignments.map(({ assignment, location }) => ({
			id: assignment.id,
			templateId: assignment.template_id,
			templateVersion: assignment.template_version,
			location: locationOf(location),
			windowStart: assignment.window_start,
			windowEnd: assignment.window_end,
			brief: parseStoredBrief(assignment.brief),
			status: assignment.status
		})),
		audits: audits.map((audit) => ({
			id: audit.id,
			state: audit.state,
			revision: audit.revision,
			comments: comments
				.filter((comment) => comment.audit_id === audit.id)
				.map((comment) => ({
					checkpointId: comment.checkpoint_id,
					body: comment.body,
					createdAt: comment.created_at,
					round: comment.round
				}))
		})),
		presence: { enabled: presenceOn && runsAudits(user), stores: presenceStores },
		archivedTemplateIds
	};
}

function locationOf(row: LocationRow): PullResponse['locations'][number] {
	return {
		id: row.id,
		name: row.name,
		kind: row.kind,
		brand: row.brand,
		address: row.address,
		region: row.region
	};
}
