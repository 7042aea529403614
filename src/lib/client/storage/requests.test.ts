import { describe, expect, it } from 'vitest';
import { requestAll } from './requests';

// A manager's or a long-running tablet's pull can carry a hundred thousand records. Spread into
// arguments, that many issuers exceed the engine's limit and throw before a single put — the
// transaction aborts and the device keeps nothing. The array form has no such limit.
describe('issuing many requests in one transaction', () => {
	const many = Array.from({ length: 300_000 }, (_, n) => () => Promise.resolve(n));

	it('issues every one of them as a list, and waits for them all', async () => {
		let issued = 0;
		await requestAll(many.map((issue) => () => ((issued += 1), issue())));
		expect(issued).toBe(300_000);
	});

	it('rejects with the first failure, the others swallowed', async () => {
		const failure = new Error('quota');
		await expect(
			requestAll([
				() => Promise.resolve(1),
				() => Promise.reject(failure),
				() => Promise.reject(new Error('later'))
			])
		).rejects.toBe(failure);
	});
});
