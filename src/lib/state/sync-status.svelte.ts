import type { SyncProgress } from '$lib/client/sync/progress';
import type { SyncEngine } from '$lib/client/sync/sync-engine';
import { getDeviceServices } from './app-services';
import { deviceChanges } from './device-changes';
import { notifications } from './notifications.svelte';
import { pendingStatus } from './pending-status.svelte';
import { session } from './session.svelte';

/** The notice of a pull that reached the device but could not be stored. */
export const PULL_APPLY_FAILED = 'export.pull.applyFailed';

/**
 * A pull the device could not store is never silent: a notice stays until dismissed or until a
 * later pull is stored (the screens show older data than the server's until then).
 */
export function showPullFailures(sync: Pick<SyncEngine, 'onPullFailed' | 'onPulled'>): () => void {
	const offFailed = sync.onPullFailed(() => notifications.warn(PULL_APPLY_FAILED));
	const offPulled = sync.onPulled(() => notifications.withdraw(PULL_APPLY_FAILED));
	return () => {
		offFailed();
		offPulled();
	};
}

/** What the sync engine is doing, for the header; the engine itself lives in client/sync. */
class SyncStatus {
	#progress = $state.raw<SyncProgress>({ state: 'idle' });
	#dataVersion = $state(0);
	#started = false;

	/** Bumped whenever pulled data may have changed; screens showing it reload on a change. */
	get dataVersion(): number {
		return this.#dataVersion;
	}

	markPulled(): void {
		this.#dataVersion += 1;
	}

	get progress(): SyncProgress {
		return this.#progress;
	}

	/** Starts draining and pulling (at start-up, on `online`, on visibility, on a timer). */
	async start(): Promise<void> {
		if (this.#started) return;
		this.#started = true;
		const { sync } = await getDeviceServices();
		sync.subscribe((progress) => {
			const settled = this.#progress.state === 'syncing' && progress.state !== 'syncing';
			const changedState = this.#progress.state !== progress.state;
			this.#progress = progress;
			if (progress.state === 'needs_sign_in') session.markExpired();
			if (settled || progress.current) void pendingStatus.refresh();
			if (settled) this.#dataVersion += 1;
			// Sending marks an audit uploading, then received: open screens read it again.
			if (settled || changedState || progress.current) deviceChanges.emit();
		});
		// A pull can change what screens show (a return, an approval) with nothing sent at all.
		showPullFailures(sync);
		sync.onPulled(() => {
			this.#dataVersion += 1;
			void pendingStatus.refresh();
			deviceChanges.emit();
		});
		sync.start();
	}

	/** After a local change: send what is due. */
	notifyChange(): void {
		void getDeviceServices().then(({ sync }) => sync.notifyChange());
	}

	/** The user asked: try everything now, backoff or not. */
	async syncNow(): Promise<void> {
		const { sync } = await getDeviceServices();
		await sync.sync({ force: true });
		this.#dataVersion += 1;
		deviceChanges.emit();
		await pendingStatus.refresh();
	}
}

export const syncStatus = new SyncStatus();
