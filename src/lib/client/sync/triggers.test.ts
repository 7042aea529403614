import { describe, expect, it } from 'vitest';
import type { DocumentLike, EventSourceLike } from './environment';
import { fakeClock, fakeTimers, FakeSyncServer, makeDevice, seedQueuedAudit } from './test-harness';

class FakeTarget implements EventSourceLike {
	readonly listeners = new Map<string, Set<() => void>>();
	addEventListener(type: string, listener: () => void): void {
		if (!this.listeners.has(type)) this.listeners.set(type, new Set());
		this.listeners.get(type)!.add(listener);
	}
	removeEventListener(type: string, listener: () => void): void {
		this.listeners.get(type)?.delete(listener);
	}
	dispatch(type: string): void {
		for (const listener of this.listeners.get(type) ?? []) listener();
	}
	count(): number {
		return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
	}
}

class FakeDocument extends FakeTarget implements DocumentLike {
	visibilityState = 'visible';
}

async function setup() {
	const server = new FakeSyncServer();
	const window = new FakeTarget();
	const document = new FakeDocument();
	const clock = fakeClock();
	const timers = fakeTimers();
	const device = await makeDevice({
		fetch: server.fetch,
		now: clock.now,
		timers: timers.timers,
		environment: { window, document }
	});
	const settle = () => device.engine.sync();
	return { server, window, document, device, settle };
}

const submits = (server: FakeSyncServer) =>
	server.received.filter((r) => r.path.endsWith('/submit')).length;

describe('SyncEngine triggers', () => {
	it('start() drains and pulls at once', async () => {
		const { server, device, settle } = await setup();
		await seedQueuedAudit(device.audits, 1);
		device.engine.start();
		await settle();
		expect(submits(server)).toBe(1);
		expect(server.received.some((r) => r.path === '/api/sync/pull')).toBe(true);
		device.engine.stop();
	});

	it('drains after notifyChange and on online', async () => {
		const { server, window, device, settle } = await setup();
		device.engine.start();
		await settle();

		await seedQueuedAudit(device.audits, 0);
		device.engine.notifyChange();
		await device.engine.drain();
		expect(submits(server)).toBe(1);

		await seedQueuedAudit(device.audits, 0);
		window.dispatch('online');
		await settle();
		expect(submits(server)).toBe(2);

		device.engine.stop();
	});

	it('a hidden page does not drain; visible does', async () => {
		const { server, document, device } = await setup();
		device.engine.start();
		await device.engine.sync();
		const before = server.received.length;
		await seedQueuedAudit(device.audits, 0);
		document.visibilityState = 'hidden';
		document.dispatch('visibilitychange');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(server.received).toHaveLength(before);
		document.visibilityState = 'visible';
		document.dispatch('visibilitychange');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(submits(server)).toBe(1);
		device.engine.stop();
	});

	it('stop() removes every listener: later events send nothing', async () => {
		const { server, window, document, device } = await setup();
		device.engine.start();
		await device.engine.sync();
		expect(window.count() + document.count()).toBe(2);
		device.engine.stop();
		expect(window.count() + document.count()).toBe(0);
		const before = server.received.length;
		await seedQueuedAudit(device.audits, 0);
		window.dispatch('online');
		document.dispatch('visibilitychange');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(server.received).toHaveLength(before);
	});
});
