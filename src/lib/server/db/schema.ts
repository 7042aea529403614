import type { Generated } from 'kysely';

/**
 * The server's tables, portable between SQLite and PostgreSQL: text ids (UUIDs made on the
 * device for audits and photos), epoch-millisecond integers for times, 0/1-free booleans
 * (none needed), JSON stored as text.
 */
export interface Database {
	organisations: OrganisationTable;
	users: UserTable;
	sessions: SessionTable;
	sign_in_throttle: SignInThrottleTable;
	sign_in_addresses: SignInAddressTable;
	locations: LocationTable;
	templates: TemplateTable;
	template_drafts: TemplateDraftTable;
	assignments: AssignmentTable;
	audits: AuditTable;
	photos: PhotoTable;
	idempotency_keys: IdempotencyKeyTable;
	review_comments: ReviewCommentTable;
	report_jobs: ReportJobTable;
	user_locations: UserLocationTable;
	audit_events: AuditEventTable;
	comment_library: CommentLibraryTable;
	sign_in_links: SignInLinkTable;
	seal_keys: SealKeyTable;
	audit_seals: AuditSealTable;
	score_audits: ScoreAuditTable;
	score_stages: ScoreStageTable;
	score_checkpoints: ScoreCheckpointTable;
	score_days: ScoreDayTable;
}

export interface OrganisationTable {
	id: string;
	name: string;
	created_at: number;
	/** 1 when shoppers' devices check presence at time-in (with the shopper's consent). */
	presence_check: Generated<number>;
}

export interface UserTable {
	id: string;
	organisation_id: string;
	/** Lower-cased; unique across the whole service. */
	email: string;
	display_name: string;
	pseudonym: string;
	role: 'shopper' | 'manager' | 'admin' | 'viewer';
	/** 1 when the user runs audits (every shopper; a manager who chooses to), else 0. */
	field_work: Generated<number>;
	/** `scrypt$N$r$p$salt$hash`, parameters stored with the hash. */
	password_hash: string;
	created_at: number;
	/** When an admin deactivated the member (sessions ended, sign-in refused); null while active. */
	deactivated_at: Generated<number | null>;
}

/** A one-time sign-in link of an invitation (migration 009). */
export interface SignInLinkTable {
	/** SHA-256 (hex) of the link's token; the token itself is never stored. */
	id: string;
	organisation_id: string;
	user_id: string;
	created_by: string;
	created_at: number;
	expires_at: number;
	/** Set when the link was used; a used link is refused. */
	used_at: number | null;
}

export interface SessionTable {
	/** SHA-256 of the cookie's token, hex; the token itself is never stored. */
	id: string;
	user_id: string;
	created_at: number;
	expires_at: number;
}

/** An address an account signed in from successfully, and when it last did. */
export interface SignInAddressTable {
	user_id: string;
	address: string;
	last_success_at: number;
}

export interface SignInThrottleTable {
	/** `pair:<email>|<address>`, `email:<email>` or `ip:<address>`. */
	key: string;
	failures: number;
	window_started_at: number;
	locked_until: number;
}

export interface LocationTable {
	id: string;
	organisation_id: string;
	name: string;
	kind: 'own' | 'competitor';
	brand: string;
	address: string;
	region: string;
	updated_at: number;
	/** IANA time zone of the store: reports and the office show its times in it (migration 009). */
	time_zone: Generated<string>;
	/** Archived: no new visits, kept for its audits; null while in use. */
	archived_at: Generated<number | null>;
	/** `name brand region`, lower-cased, for the office's search. */
	search_text: Generated<string>;
	/** The store's position (WGS-84) and presence radius; null until someone sets them. */
	latitude: Generated<number | null>;
	longitude: Generated<number | null>;
	presence_radius_m: Generated<number | null>;
}

export interface TemplateTable {
	organisation_id: string;
	id: string;
	version: number;
	/** The published JourneyTemplate as JSON; immutable once written. */
	definition: string;
	published_at: number;
}

/** A template's head in the journey builder: its draft, latest version and state (migration 008). */
export interface TemplateDraftTable {
	organisation_id: string;
	id: string;
	/** The draft's name, a LocalizedText as JSON, for the list. */
	name: string;
	location_kind: 'own' | 'competitor' | 'any';
	/** The draft JourneyTemplate as JSON; its `version` is the one publishing would make. */
	definition: string;
	/** Bumped on every save; a save names the revision it was made on. */
	revision: number;
	/** The newest published version, 0 before the first publication. */
	latest_version: number;
	/** Archived: no new visits on it; its audits and versions stay. */
	archived_at: number | null;
	/** A competitor template's own-store template, whose stage keys it keeps. */
	linked_template_id: string | null;
	created_at: number;
	updated_at: number;
	updated_by: string | null;
}

export interface AssignmentTable {
	id: string;
	organisation_id: string;
	template_id: string;
	template_version: number;
	location_id: string;
	shopper_id: string;
	window_start: number;
	window_end: number;
	/** The scenario brief as JSON of a LocalizedText (`{"en": …, "da": …}`), since migration 004. */
	brief: string;
	status: 'open' | 'done' | 'cancelled';
	updated_at: number;
}

export interface AuditTable {
	/** The device's UUID. */
	id: string;
	organisation_id: string;
	shopper_id: string;
	assignment_id: string | null;
	template_id: string;
	template_version: number;
	location_id: string;
	/**
	 * The kind of the audit's location record: a copy kept in step by the audit's upsert and by
	 * location edits, so the inbox's kind filter has an index (013). Null only without a record.
	 */
	location_kind: 'own' | 'competitor' | null;
	/** The highest device revision the server has stored. */
	revision: number;
	/** Review lifecycle: draft until submitted; then submitted → returned → resubmitted → approved. */
	state: 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'approved';
	/** answers, notes, narrative, times, locale, location snapshot — the device's content, as JSON. */
	content: string;
	/** AuditScore as JSON, recomputed by the server on every stored revision. */
	score: string;
	total_percent: number | null;
	received_at: number;
	updated_at: number;
	submitted_at: number | null;
}

export interface PhotoTable {
	/** The device's UUID; the key is (organisation_id, id), so ids never meet across organisations. */
	id: string;
	audit_id: string;
	organisation_id: string;
	checkpoint_id: string | null;
	kind: 'checkpoint' | 'receipt' | 'general';
	caption: string;
	captured_at: number;
	/** SHA-256 of the JPEG bytes, hex, as the device declared and the server verified. */
	sha256: string;
	byte_length: number;
	width: number;
	height: number;
	/** Null until the bytes are on disk. */
	stored_at: number | null;
}

export interface IdempotencyKeyTable {
	user_id: string;
	key: string;
	request_hash: string;
	status_code: number;
	response: string;
	created_at: number;
}

export interface ReviewCommentTable {
	id: string;
	audit_id: string;
	organisation_id: string;
	checkpoint_id: string | null;
	author_id: string;
	body: string;
	created_at: number;
	/** Which return of the audit this comment came with: 1, 2, … */
	round: Generated<number>;
}

/** The locations a report reader (`viewer`) may read. */
export interface UserLocationTable {
	user_id: string;
	location_id: string;
	organisation_id: string;
}

/** One step in an audit's trail. */
export interface AuditEventTable {
	id: string;
	organisation_id: string;
	audit_id: string;
	/** Null for the system (a report made by the runner). */
	actor_id: string | null;
	kind: 'submitted' | 'returned' | 'resubmitted' | 'approved' | 'report_ready' | 'report_failed';
	/** The audit's revision when it happened. */
	revision: number;
	/** JSON: what the step carried (a return's comments, a report's version, …). */
	details: string;
	created_at: number;
}

/** A reusable reviewer comment of an organisation. */
export interface CommentLibraryTable {
	id: string;
	organisation_id: string;
	body: string;
	created_by: string;
	created_at: number;
}

export interface ReportJobTable {
	id: string;
	organisation_id: string;
	audit_id: string;
	/** The audit's report version: 1, 2, … one per accepted submit or resubmit. */
	version: number;
	state: 'pending' | 'running' | 'ready' | 'failed';
	/** Render attempts started so far. */
	attempts: number;
	/** Why the last attempt failed; null after a success. */
	last_error: string | null;
	/** Epoch ms before which the job is not claimed (retry back-off). */
	run_after: number;
	/** The instance rendering it while `running`. */
	locked_by: string | null;
	/** When a `running` job's lock lapses and another instance may reclaim it. */
	locked_until: number | null;
	/** The PDF's path relative to the data folder, once `ready`. */
	file: string | null;
	created_at: number;
	updated_at: number;
	/** The audit revision this version shows (null on versions queued before it was recorded). */
	audit_revision: number | null;
	/** The review state this version shows: submitted, returned, resubmitted or approved. */
	review_state: string | null;
	/** JSON ReportSnapshot taken when the version was queued; null on older versions. */
	snapshot: string | null;
}

/** An organisation's Ed25519 public key (base64 SPKI DER); id is its fingerprint. */
export interface SealKeyTable {
	id: string;
	organisation_id: string;
	public_key: string;
	created_at: number;
}

/** One signed seal of an audit's report version; each names the seal before it. */
export interface AuditSealTable {
	id: string;
	organisation_id: string;
	audit_id: string;
	version: number;
	/** The verification code printed on the report, `XXXX-XXXX-XXXX`. */
	code: string;
	state: string;
	revision: number;
	/** The seal digest (domain/seal.ts) of the revision. */
	digest: string;
	previous_id: string | null;
	/** SHA-256 of the previous seal's signed statement. */
	previous_hash: string | null;
	key_id: string;
	/** Ed25519 signature of the statement, base64. */
	signature: string;
	sealed_at: number;
	/** SHA-256 of the report PDF issued under this seal, once made. */
	report_sha256: string | null;
}

/** What every score row carries to be filtered and grouped without a join (migration 010). */
interface ScoreRowKey {
	audit_id: string;
	organisation_id: string;
	location_id: string;
	/** The location's kind as the location record says (kept in step by saveLocation). */
	location_kind: 'own' | 'competitor';
	/** The visit's time-in, epoch ms: what periods and trends are bucketed by. */
	visited_at: number;
	/** 1 once approved: report readers count only these. */
	approved: number;
}

interface ScoreRowDimensions extends ScoreRowKey {
	/** The location's region and brand as its record says (kept in step by saveLocation). */
	region: string;
	brand: string;
	template_id: string;
}

/** One handed-in audit's total. */
export interface ScoreAuditTable extends ScoreRowDimensions {
	template_version: number;
	total_percent: number | null;
	/** 1 when a failed critical checkpoint capped the total. */
	capped: number;
}

/** One stage of one handed-in audit, keyed by the template's stage id. */
export interface ScoreStageTable extends ScoreRowDimensions {
	stage_key: string;
	points: number;
	possible: number;
	/** Null when nothing in the stage was scored. */
	percent: number | null;
}

/** One visible, answered checkpoint of one handed-in audit (no stage, region, brand or template: not asked). */
export interface ScoreCheckpointTable extends ScoreRowKey {
	checkpoint_id: string;
	outcome: 'pass' | 'partial' | 'fail' | 'na';
	points: number;
	possible: number;
	critical_failure: number;
}

/** Per organisation, UTC day or hour, location kind and stage ('' = total): audits counted and their percents summed. */
export interface ScoreDayTable {
	organisation_id: string;
	/** The slot's length in ms: a day (86,400,000) or an hour (3,600,000). */
	grain: number;
	/** Epoch ms of the slot's start (a UTC midnight, or a whole UTC hour). */
	day: number;
	location_kind: 'own' | 'competitor';
	stage_key: string;
	n: number;
	total: number;
}
