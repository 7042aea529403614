import type { PhotoMeta } from '$lib/client/storage/records';
import type { PhotoEdit } from '$lib/domain/photo-edits';
import type { AuditStore } from '$lib/client/storage/audit-store';
import type { ReferenceStore } from '$lib/client/storage/reference-store';
import { checkRoomForPhoto } from '$lib/client/storage/storage-health';
import { addStageTime } from '$lib/domain/new-audit';
import { auditProgress, type AuditProgress } from '$lib/domain/progress';
import { scoreAudit } from '$lib/domain/scoring';
import { validateAudit } from '$lib/domain/validation';
import { visibleCheckpointIds } from '$lib/domain/visibility';
import type {
	Audit,
	AnswerValue,
	AuditScore,
	JourneyTemplate,
	PhotoRef,
	ValidationProblem
} from '$lib/domain/types';
import { getDeviceServices, getPhotoProcessor } from './app-services';
import { deviceChanges, type DeviceChanges } from './device-changes';
import { notifications } from './notifications.svelte';
import { pendingStatus } from './pending-status.svelte';
import { findTemplate } from './find-template';
import { auditBadge, NO_REVIEW, reviewView, type AuditBadge, type ReviewView } from './review-view';
import {
	browserJournal,
	clearStageJournal,
	journalStageTime,
	readStageJournal,
	type JournalStorage
} from './stage-time-journal';
import { syncStatus } from './sync-status.svelte';
import { writeTracker } from './write-tracker.svelte';

export type SaveState = 'saving' | 'saved' | 'failed';

/** Where a stage screen learns that the page is hidden, shown or unloaded. */
export interface StagePage {
	window: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
	document: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
		readonly visibilityState: DocumentVisibilityState;
	};
}

function browserPage(): StagePage | null {
	return typeof window === 'undefined' ? null : { window, document };
}
export type PhotoTarget = { checkpointId: string | null; kind: PhotoRef['kind'] };

/** What a session reads and writes; the app's device services by default. */
export interface AuditSessionDeps {
	audits: AuditStore;
	reference: Pick<ReferenceStore, 'getReview'>;
	findTemplate: (id: string, version: number) => Promise<JourneyTemplate | null>;
	now: () => number;
	/** Called after every committed local change (the header's pending count reads it again). */
	changed?: () => void;
	/** Where changes made by others (the sync engine) are announced; see `follow()`. */
	changes?: Pick<DeviceChanges, 'subscribe'>;
	/** Where stage time of an unloaded page waits (see `stage-time-journal.ts`). */
	journal?: JournalStorage | null;
}

/** A checkpoint the reviewer commented on, with where it is in the journey. */
export interface CommentedCheckpoint {
	checkpointId: string;
	stageIndex: number;
	comments: readonly string[];
}

async function defaultDeps(): Promise<AuditSessionDeps> {
	const { audits, reference } = await getDeviceServices();
	return {
		audits,
		reference,
		findTemplate,
		now: Date.now,
		changed: () => void pendingStatus.refresh(),
		changes: deviceChanges,
		journal: browserJournal()
	};
}

/**
 * One audit being walked on the device. Every change is written to IndexedDB first; the UI
 * shows it as saved only once the write has committed, and a failed write leaves the
 * previous value on screen.
 */
export class AuditSession {
	readonly template: JourneyTemplate;
	#store: AuditStore;
	#reference: AuditSessionDeps['reference'];
	#now: () => number;
	#review = $state.raw<ReviewView>(NO_REVIEW);

	audit = $state.raw<Audit>() as Audit;
	#answers = $state<Record<string, AnswerValue>>({});
	#pendingAnswers = $state<Record<string, AnswerValue | null>>({});
	#notes = $state<Record<string, string>>({});
	#photos = $state.raw<PhotoMeta[]>([]);
	#saveStates = $state<Record<string, SaveState>>({});
	#inFlight = $state(0);
	#photoJobs = $state(0);
	#writeSeq = new Map<string, number>();
	#stageEnteredAt: { stageId: string; at: number } | null = null;
	#changed: () => void;
	#changes: Pick<DeviceChanges, 'subscribe'> | undefined;
	#journal: JournalStorage | null;
	/** A refresh asked for while a write was in flight; run once the writes are done. */
	#refreshWanted = false;

	private constructor(deps: AuditSessionDeps, audit: Audit, template: JourneyTemplate) {
		this.#store = deps.audits;
		this.#reference = deps.reference;
		this.#changed = deps.changed ?? (() => undefined);
		this.#changes = deps.changes;
		this.#journal = deps.journal ?? null;
		this.audit = audit;
		this.template = template;
		this.#now = deps.now;
	}

	/**
	 * Loads an audit and everything of it from the device, its review comments included. Null
	 * when no such audit exists here.
	 */
	static async load(
		auditId: string,
		deps: () => Promise<AuditSessionDeps> = defaultDeps
	): Promise<AuditSession | null> {
		const resolved = await deps();
		const store = resolved.audits;
		const audit = await store.getAudit(auditId);
		if (!audit) return null;
		const template = await resolved.findTemplate(audit.templateId, audit.templateVersion);
		if (!template) return null;
		const session = new AuditSession(resolved, audit, template);
		const [answers, notes, photos, review] = await Promise.all([
			store.listAnswers(auditId),
			store.listNotes(auditId),
			store.listPhotos(auditId),
			resolved.reference.getReview(auditId)
		]);
		session.#answers = Object.fromEntries(answers.map((a) => [a.checkpointId, a.value]));
		session.#notes = Object.fromEntries(notes.map((n) => [n.checkpointId, n.text]));
		session.#photos = photos;
		session.#review = reviewView(review, audit);
		await session.#applyStageJournal();
		return session;
	}

	/** The reviewer's latest round: open, addressed, approved or none. */
	get review(): ReviewView {
		return this.#review;
	}

	/** The audit's badge: its device status, or "returned — N comments" / approved. */
	get badge(): AuditBadge {
		return auditBadge(this.audit, this.#review);
	}

	/** The reviewer's open comments on a checkpoint (none once the round is answered). */
	reviewCommentsOf(checkpointId: string): readonly string[] {
		if (this.#review.status !== 'open') return [];
		return this.#review.byCheckpoint.get(checkpointId) ?? [];
	}

	/** How many checkpoints of a stage carry open reviewer comments. */
	stageReviewCount(stageIndex: number): number {
		const stage = this.template.stages[stageIndex];
		if (!stage || this.#review.status !== 'open') return 0;
		return stage.checkpoints.filter((c) => this.#review.byCheckpoint.has(c.id)).length;
	}

	/**
	 * The checkpoints of the latest round's comments, in journey order (open or addressed; the
	 * summary shows them either way). Comments on checkpoints the template lacks are left out.
	 */
	get commentedCheckpoints(): CommentedCheckpoint[] {
		const result: CommentedCheckpoint[] = [];
		this.template.stages.forEach((stage, stageIndex) => {
			for (const checkpoint of stage.checkpoints) {
				const comments = this.#review.byCheckpoint.get(checkpoint.id);
				if (comments) result.push({ checkpointId: checkpoint.id, stageIndex, comments });
			}
		});
		return result;
	}

	/**
	 * Reads the audit's status and review state again (after a sync: a pull may have returned
	 * or approved it, a drain sent it). Content shown on screen is kept; it is the device's own.
	 */
	async refreshFromDevice(): Promise<void> {
		// A write in flight would be overtaken: read again once it has committed.
		if (this.busy) {
			this.#refreshWanted = true;
			return;
		}
		this.#refreshWanted = false;
		try {
			const [fresh, review] = await Promise.all([
				this.#store.getAudit(this.audit.id),
				this.#reference.getReview(this.audit.id)
			]);
			if (!fresh) return;
			if (this.busy) {
				this.#refreshWanted = true;
				return;
			}
			if (fresh.status !== this.audit.status || fresh.revision !== this.audit.revision) {
				this.audit = fresh;
			}
			this.#review = reviewView(review, fresh);
		} catch (error) {
			notifications.error(error);
		}
	}

	/**
	 * Follows changes others make to this audit on the device (the sync engine sending it, a pull
	 * returning or approving it) while a screen shows it; returns the function that stops.
	 */
	follow(): () => void {
		if (!this.#changes) return () => undefined;
		const stop = this.#changes.subscribe(() => void this.refreshFromDevice());
		// Anything that happened between loading and showing it.
		void this.refreshFromDevice();
		return stop;
	}

	get editable(): boolean {
		return this.audit.status === 'draft';
	}

	/** What the shopper sees as the answer: a write in flight shows its new value. */
	answerOf(checkpointId: string): AnswerValue | undefined {
		const pending = this.#pendingAnswers[checkpointId];
		if (pending !== undefined) return pending ?? undefined;
		return this.#answers[checkpointId];
	}

	noteOf(checkpointId: string): string {
		return this.#notes[checkpointId] ?? '';
	}

	saveStateOf(key: string): SaveState | undefined {
		return this.#saveStates[key];
	}

	photosOf(checkpointId: string | null, kind?: PhotoRef['kind']): PhotoMeta[] {
		return this.#photos.filter(
			(p) => p.checkpointId === checkpointId && (kind === undefined || p.kind === kind)
		);
	}

	/** Every photo of the audit (metadata and thumbnails), in capture order. */
	get allPhotos(): readonly PhotoMeta[] {
		return this.#photos;
	}

	get photoCount(): number {
		return this.#photos.length;
	}

	/** True while any write to the device is in flight or a photo is being prepared. */
	get busy(): boolean {
		return this.#inFlight > 0 || this.#photoJobs > 0;
	}

	get processingPhotos(): number {
		return this.#photoJobs;
	}

	get answerMap(): ReadonlyMap<string, AnswerValue> {
		return new Map(Object.entries(this.#answers));
	}

	get visibleIds(): ReadonlySet<string> {
		return visibleCheckpointIds(this.template, this.answerMap);
	}

	get progress(): AuditProgress {
		return auditProgress(this.template, this.answerMap);
	}

	get score(): AuditScore {
		return scoreAudit(this.template, this.answerMap);
	}

	/** The committed and pending answers, by checkpoint (what the screens show). */
	get answerEntries(): { checkpointId: string; value: AnswerValue }[] {
		return Object.entries(this.#answers).map(([checkpointId, value]) => ({ checkpointId, value }));
	}

	/** The notes, by checkpoint. */
	get noteEntries(): { checkpointId: string; text: string }[] {
		return Object.entries(this.#notes).map(([checkpointId, text]) => ({ checkpointId, text }));
	}

	get problems(): ValidationProblem[] {
		return validateAudit({
			template: this.template,
			answers: this.answerMap,
			notes: new Map(Object.entries(this.#notes)),
			photos: this.#photos.map((p) => ({ id: p.id, checkpointId: p.checkpointId, kind: p.kind })),
			timeOut: this.audit.timeOut
		});
	}

	async setAnswer(checkpointId: string, answer: AnswerValue | null): Promise<void> {
		if (!this.editable) return;
		// IndexedDB cannot clone Svelte's state proxies: store a plain copy.
		const value = $state.snapshot(answer) as AnswerValue | null;
		const seq = (this.#writeSeq.get(checkpointId) ?? 0) + 1;
		this.#writeSeq.set(checkpointId, seq);
		this.#pendingAnswers[checkpointId] = value;
		const now = this.#now();
		const ok = await this.#write(checkpointId, () =>
			value === null
				? this.#store.clearAnswer(this.audit.id, checkpointId, now)
				: this.#store.saveAnswer(this.audit.id, { checkpointId, value, answeredAt: now }, now)
		);
		// IndexedDB commits in order, so the last completion is the latest committed value.
		if (ok) {
			if (value === null) delete this.#answers[checkpointId];
			else this.#answers[checkpointId] = value;
			this.#touch(now);
		}
		if (this.#writeSeq.get(checkpointId) === seq) delete this.#pendingAnswers[checkpointId];
	}

	async setNote(checkpointId: string, text: string): Promise<void> {
		if (!this.editable) return;
		const now = this.#now();
		const ok = await this.#write(`note:${checkpointId}`, () =>
			this.#store.saveNote(this.audit.id, checkpointId, text, now)
		);
		if (ok) {
			if (text.trim() === '') delete this.#notes[checkpointId];
			else this.#notes[checkpointId] = text;
			this.#touch(now);
		}
	}

	async setNarrative(text: string): Promise<void> {
		await this.#updateAudit('narrative', (a) => ({ ...a, narrative: text }));
	}

	/** Stamps time-out: the shopper has left the store. */
	async finishVisit(): Promise<void> {
		await this.leaveStage();
		const now = this.#now();
		await this.#updateAudit('timeOut', (a) => ({ ...a, timeOut: now }));
	}

	/** Clears time-out when the shopper goes back into the store. */
	async resumeVisit(): Promise<void> {
		await this.#updateAudit('timeOut', (a) => ({ ...a, timeOut: null }));
	}

	/** Starts the clock on a stage's screen (kept running if it already runs for that stage). */
	enterStage(stageId: string): void {
		if (this.#stageEnteredAt?.stageId === stageId) return;
		this.#stageEnteredAt = { stageId, at: this.#now() };
	}

	/**
	 * Times a stage while its screen is in front of the shopper, however it is left: the returned
	 * function (the route changes) and the page being hidden (`visibilitychange`, another app)
	 * commit the time so far to IndexedDB; a page being unloaded (`pagehide`: a reload, a typed
	 * address, the tab closed) journals it synchronously, and the next load commits it. The clock
	 * starts again when the page is shown.
	 */
	timeStage(stageId: string, page: StagePage | null = browserPage()): () => void {
		this.enterStage(stageId);
		if (!page) return () => void this.leaveStage();
		const hide = () => void this.leaveStage();
		// A page kept in the back/forward cache stays alive; any other is going away for good.
		const unload = (event: Event) =>
			(event as PageTransitionEvent).persisted ? hide() : this.#journalStage();
		const show = () => this.enterStage(stageId);
		const visibility = () => (page.document.visibilityState === 'hidden' ? hide() : show());
		page.window.addEventListener('pagehide', unload);
		page.window.addEventListener('pageshow', show);
		page.document.addEventListener('visibilitychange', visibility);
		return () => {
			page.window.removeEventListener('pagehide', unload);
			page.window.removeEventListener('pageshow', show);
			page.document.removeEventListener('visibilitychange', visibility);
			void this.leaveStage();
		};
	}

	/** Adds the stage time an unloaded page left in the journal, then clears it. */
	async #applyStageJournal(): Promise<void> {
		const journal = this.#journal;
		if (!journal) return;
		const times = readStageJournal(journal, this.audit.id);
		if (Object.keys(times).length === 0) return;
		if (!this.editable) {
			clearStageJournal(journal, this.audit.id);
			return;
		}
		await this.#updateAudit('stageTime', (a) => {
			const stageTimeMs = { ...a.stageTimeMs };
			for (const [stageId, ms] of Object.entries(times)) {
				stageTimeMs[stageId] = (stageTimeMs[stageId] ?? 0) + ms;
			}
			return { ...a, stageTimeMs };
		});
		if (this.saveStateOf('stageTime') === 'saved') clearStageJournal(journal, this.audit.id);
	}

	/**
	 * The page is being unloaded: no IndexedDB write can finish now, so the time so far goes to
	 * the journal, synchronously.
	 */
	#journalStage(): void {
		const entered = this.#stageEnteredAt;
		if (!entered || !this.editable || this.audit.timeOut !== null || !this.#journal) return;
		this.#stageEnteredAt = null;
		const spent = addStageTime({}, entered.stageId, entered.at, this.#now())[entered.stageId];
		if (spent) journalStageTime(this.#journal, this.audit.id, entered.stageId, spent);
	}

	/** Stops the clock and adds the time to the stage; safe to call twice. */
	async leaveStage(): Promise<void> {
		const entered = this.#stageEnteredAt;
		if (!entered || !this.editable || this.audit.timeOut !== null) return;
		this.#stageEnteredAt = null;
		const now = this.#now();
		await this.#updateAudit('stageTime', (a) => ({
			...a,
			stageTimeMs: addStageTime(a.stageTimeMs, entered.stageId, entered.at, now)
		}));
	}

	/** Prepares photos one at a time (orientation, size, no metadata) and stores them. */
	async addPhotos(files: File[], target: PhotoTarget): Promise<void> {
		if (!this.editable) return;
		this.#photoJobs += files.length;
		try {
			for (const file of files) {
				try {
					await this.#addPhoto(file, target);
				} catch (error) {
					notifications.error(error);
				} finally {
					this.#photoJobs -= 1;
				}
			}
		} finally {
			this.#photoJobs = Math.max(0, this.#photoJobs);
			this.#afterWrites();
		}
	}

	async #addPhoto(file: File, target: PhotoTarget): Promise<void> {
		// A 12 MP photo shrinks to well under its original size; the original size is a safe bound.
		const room = await checkRoomForPhoto(file.size);
		if (!room.ok) {
			notifications.info('error.storage.lowSpace', { free: Math.round(room.free / 1048576) });
			return;
		}
		const processed = await (await getPhotoProcessor()).process(file);
		const now = this.#now();
		const meta: PhotoMeta = {
			id: crypto.randomUUID(),
			auditId: this.audit.id,
			checkpointId: target.checkpointId,
			kind: target.kind,
			caption: '',
			capturedAt: file.lastModified || now,
			width: processed.width,
			height: processed.height,
			byteLength: processed.bytes.byteLength,
			type: 'image/jpeg',
			thumb: processed.thumb,
			thumbType: 'image/jpeg',
			createdAt: now
		};
		const ok = await this.#write(`photo:${meta.id}`, () =>
			this.#store.addPhoto(meta, processed.bytes)
		);
		if (ok) {
			this.#photos = [...this.#photos, meta];
			this.#touch(now);
		}
	}

	async setPhotoCaption(photoId: string, caption: string): Promise<void> {
		if (!this.editable) return;
		const now = this.#now();
		const ok = await this.#write(`photo:${photoId}`, () =>
			this.#store.updatePhotoCaption(photoId, caption, now)
		);
		if (ok) {
			this.#photos = this.#photos.map((p) => (p.id === photoId ? { ...p, caption } : p));
			this.#touch(now);
		}
	}

	/**
	 * What the photo editor starts from: the unedited original's bytes and the edits drawn so
	 * far. Undefined when the photo's bytes are not on the device.
	 */
	async photoOriginal(
		photoId: string
	): Promise<{ bytes: ArrayBuffer; edits: PhotoEdit[] } | undefined> {
		return this.#store.getPhotoOriginal(photoId);
	}

	/**
	 * Saves a photo's annotations and redactions: the worker flattens the unedited original with
	 * `edits` into a new JPEG (no metadata, nothing of what a redaction covers), which replaces the
	 * photo under a new id — the only bytes that will ever be uploaded. An empty list restores the
	 * original. Resolves with the new photo id, or null when nothing was saved (the reason is
	 * shown).
	 */
	async savePhotoEdits(photoId: string, edits: PhotoEdit[]): Promise<string | null> {
		if (!this.editable) return null;
		const start = await this.#store.getPhotoOriginal(photoId);
		if (!start) return null;
		this.#photoJobs += 1;
		try {
			const processor = await getPhotoProcessor();
			const processed = await processor.edit(
				new Blob([start.bytes], { type: 'image/jpeg' }),
				edits
			);
			// The list as the worker drew it: validated, plain data (the runner does not load the
			// edit rules itself).
			const drawn = processor.normalise(edits);
			const now = this.#now();
			const next = { id: crypto.randomUUID(), ...processed };
			let saved: PhotoMeta | undefined;
			const ok = await this.#write(`photo:${photoId}`, async () => {
				saved = await this.#store.replaceEditedPhoto(photoId, drawn, next, now);
			});
			if (!ok || !saved) return null;
			const replacement = saved;
			this.#photos = this.#photos.map((p) => (p.id === photoId ? replacement : p));
			this.#touch(now);
			return replacement.id;
		} catch (error) {
			notifications.error(error);
			return null;
		} finally {
			this.#photoJobs = Math.max(0, this.#photoJobs - 1);
			this.#afterWrites();
		}
	}

	async deletePhoto(photoId: string): Promise<void> {
		if (!this.editable) return;
		const now = this.#now();
		const ok = await this.#write(`photo:${photoId}`, () => this.#store.deletePhoto(photoId, now));
		if (ok) {
			this.#photos = this.#photos.filter((p) => p.id !== photoId);
			this.#touch(now);
		}
	}

	/** Marks the audit ready to submit; refused while anything is missing. */
	async markReady(): Promise<boolean> {
		if (this.problems.length > 0 || !this.editable) return false;
		const ok = await this.#write('status', () =>
			this.#store.queueForSync(this.audit.id, this.#now())
		);
		if (ok) {
			await this.#reload();
			this.#changed();
			syncStatus.notifyChange();
		}
		return ok;
	}

	/** Takes a queued audit back for changes. */
	async reopen(): Promise<boolean> {
		// The screen may be behind the device: the sync engine may have sent it meanwhile.
		await this.#reload();
		if (this.audit.status !== 'queued') {
			if (this.audit.status !== 'draft') notifications.info('field.reopen.alreadySent');
			return false;
		}
		const ok = await this.#write('status', () =>
			this.#store.reopenAudit(this.audit.id, this.#now())
		);
		await this.#reload();
		if (ok) this.#changed();
		return ok;
	}

	async #updateAudit(key: string, change: (a: Audit) => Audit): Promise<void> {
		if (!this.editable) return;
		const now = this.#now();
		const ok = await this.#write(key, () => this.#store.updateAudit(this.audit.id, change, now));
		if (ok) {
			this.audit = { ...change(this.audit), revision: this.audit.revision + 1, updatedAt: now };
			this.#changed();
		}
	}

	async #reload(): Promise<void> {
		const [fresh, review] = await Promise.all([
			this.#store.getAudit(this.audit.id),
			this.#reference.getReview(this.audit.id)
		]);
		if (fresh) {
			this.audit = fresh;
			this.#review = reviewView(review, fresh);
		}
	}

	#touch(now: number): void {
		this.audit = { ...this.audit, revision: this.audit.revision + 1, updatedAt: now };
		this.#changed();
	}

	/** Runs one write, tracking its state under `key`; reports failures, never throws. */
	async #write(key: string, write: () => Promise<unknown>): Promise<boolean> {
		this.#inFlight += 1;
		this.#saveStates[key] = 'saving';
		try {
			await writeTracker.track(write);
			this.#saveStates[key] = 'saved';
			return true;
		} catch (error) {
			this.#saveStates[key] = 'failed';
			notifications.error(error);
			return false;
		} finally {
			this.#inFlight -= 1;
			this.#afterWrites();
		}
	}

	#afterWrites(): void {
		if (this.#refreshWanted && !this.busy) void this.refreshFromDevice();
	}
}

export type { PhotoMeta };
