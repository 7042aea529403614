import { describe, expect, it } from 'vitest';
import type { Audit } from '$lib/domain/types';
import { StorageError } from './storage-errors';
import { makeAudit, openStore } from './test-fixtures';

describe('audits', () => {
	it('creates and reads an audit back unchanged', async () => {
		const audit = makeAudit({ stageTimeMs: { arrival: 1200 }, narrative: 'Friendly' });
		const { store } = await openStore(audit);
		expect(await store.getAudit(audit.id)).toEqual(audit);
		expect(await store.getAudit('missing')).toBeUndefined();
	});

	it('refuses to create an audit whose id exists, keeping the first', async () => {
		const { store } = await openStore(makeAudit({ narrative: 'first' }));
		const error = await store.createAudit(makeAudit({ narrative: 'second' })).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('conflict');
		expect((await store.getAudit('audit-1'))?.narrative).toBe('first');
	});

	it('lists audits most recently updated first', async () => {
		const { store } = await openStore(
			makeAudit({ id: 'old', updatedAt: 10 }),
			makeAudit({ id: 'new', updatedAt: 30 }),
			makeAudit({ id: 'mid', updatedAt: 20 })
		);
		expect((await store.listAudits()).map((a) => a.id)).toEqual(['new', 'mid', 'old']);
		await store.saveAnswer('old', { checkpointId: 'c', value: 'yes', answeredAt: 40 }, 40);
		expect((await store.listAudits()).map((a) => a.id)).toEqual(['old', 'new', 'mid']);
	});

	it('updateAudit applies the change and bumps revision and updatedAt together', async () => {
		const { store } = await openStore(makeAudit({ revision: 4 }));
		const result = await store.updateAudit(
			'audit-1',
			(a) => ({ ...a, narrative: 'Long wait', timeOut: 9_000, stageTimeMs: { greeting: 5 } }),
			9_500
		);
		const stored = await store.getAudit('audit-1');
		expect(stored).toEqual(result);
		expect(stored).toMatchObject({
			narrative: 'Long wait',
			timeOut: 9_000,
			stageTimeMs: { greeting: 5 },
			revision: 5,
			updatedAt: 9_500
		});
	});

	it('updateAudit lets the change mutate its argument; a refused mutation leaves the store alone', async () => {
		const { store } = await openStore(makeAudit());
		const refused = store.updateAudit(
			'audit-1',
			(a) => {
				a.narrative = 'sneaky';
				a.status = 'received';
				return a;
			},
			2_000
		);
		await expect(refused).rejects.toMatchObject({ reason: 'read_only' });
		expect(await store.getAudit('audit-1')).toMatchObject({ narrative: '', status: 'draft' });
		await store.updateAudit(
			'audit-1',
			(a) => {
				a.narrative = 'mutated';
				return a;
			},
			3_000
		);
		expect(await store.getAudit('audit-1')).toMatchObject({ narrative: 'mutated', revision: 1 });
	});

	it.each<[string, (a: Audit) => Audit]>([
		['status', (a) => ({ ...a, status: 'queued' })],
		['revision', (a) => ({ ...a, revision: 99 })],
		['id', (a) => ({ ...a, id: 'other' })],
		['createdAt', (a) => ({ ...a, createdAt: 1 })]
	])('updateAudit refuses to change %s and changes nothing', async (field, change) => {
		const audit = makeAudit();
		const { store } = await openStore(audit);
		const error = await store.updateAudit('audit-1', change, 5_000).catch((e) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect(error.reason).toBe('read_only');
		expect(error.message).toContain(field);
		expect(await store.getAudit('audit-1')).toEqual(audit);
		expect(await store.getAudit('other')).toBeUndefined();
	});

	it('content writes to an unknown audit throw not_found', async () => {
		const { store } = await openStore();
		const answer = { checkpointId: 'c', value: 'yes' as const, answeredAt: 1 };
		for (const write of [
			() => store.saveAnswer('nope', answer, 1),
			() => store.clearAnswer('nope', 'c', 1),
			() => store.saveNote('nope', 'c', 'text', 1),
			() => store.updateAudit('nope', (a) => a, 1)
		]) {
			await expect(write()).rejects.toMatchObject({ reason: 'not_found' });
		}
		expect(await store.listAnswers('nope')).toEqual([]);
		expect(await store.listNotes('nope')).toEqual([]);
	});
});

describe('answers', () => {
	it('saves, replaces and lists answers of one audit only', async () => {
		// 'a' is a prefix of 'ab': the key range must not leak one audit's answers into the other.
		const { store } = await openStore(makeAudit({ id: 'a' }), makeAudit({ id: 'ab' }));
		await store.saveAnswer('a', { checkpointId: 'c2', value: 3, answeredAt: 10 }, 10);
		await store.saveAnswer('a', { checkpointId: 'c1', value: ['x', 'y'], answeredAt: 11 }, 11);
		await store.saveAnswer('a', { checkpointId: 'c2', value: 5, answeredAt: 12 }, 12);
		await store.saveAnswer('ab', { checkpointId: 'c1', value: 'no', answeredAt: 13 }, 13);
		expect(await store.listAnswers('a')).toEqual([
			{ checkpointId: 'c1', value: ['x', 'y'], answeredAt: 11 },
			{ checkpointId: 'c2', value: 5, answeredAt: 12 }
		]);
		expect(await store.listAnswers('ab')).toEqual([
			{ checkpointId: 'c1', value: 'no', answeredAt: 13 }
		]);
	});

	it('bumps the revision and updatedAt once per save', async () => {
		const { store } = await openStore(makeAudit({ revision: 7, updatedAt: 100 }));
		await store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'yes', answeredAt: 200 }, 200);
		await store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'no', answeredAt: 300 }, 300);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 9, updatedAt: 300 });
	});

	it('clearAnswer removes the answer and bumps the revision', async () => {
		const { store } = await openStore(makeAudit());
		await store.saveAnswer('audit-1', { checkpointId: 'c1', value: 'yes', answeredAt: 2 }, 2);
		await store.saveAnswer('audit-1', { checkpointId: 'c2', value: 'no', answeredAt: 3 }, 3);
		await store.clearAnswer('audit-1', 'c1', 4);
		expect((await store.listAnswers('audit-1')).map((a) => a.checkpointId)).toEqual(['c2']);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 3, updatedAt: 4 });
		await store.clearAnswer('audit-1', 'never-answered', 5);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 4, updatedAt: 5 });
	});

	it('stores only the answer fields', async () => {
		const { db, store } = await openStore(makeAudit());
		const answer = { checkpointId: 'c1', value: 'yes' as const, answeredAt: 2, extra: 'x' };
		await store.saveAnswer('audit-1', answer, 2);
		expect(await db.get('answers', ['audit-1', 'c1'])).toEqual({
			auditId: 'audit-1',
			checkpointId: 'c1',
			value: 'yes',
			answeredAt: 2
		});
	});
});

describe('notes', () => {
	it('saves, replaces and lists notes; blank text deletes', async () => {
		const { store } = await openStore(makeAudit(), makeAudit({ id: 'other' }));
		await store.saveNote('audit-1', 'c1', 'Staff on the phone', 10);
		await store.saveNote('audit-1', 'c2', 'No greeting', 11);
		await store.saveNote('audit-1', 'c1', 'Staff on the phone for 4 min', 12);
		await store.saveNote('other', 'c1', 'Elsewhere', 13);
		expect(await store.listNotes('audit-1')).toEqual([
			{ checkpointId: 'c1', text: 'Staff on the phone for 4 min', updatedAt: 12 },
			{ checkpointId: 'c2', text: 'No greeting', updatedAt: 11 }
		]);
		await store.saveNote('audit-1', 'c2', '   \n', 14);
		await store.saveNote('audit-1', 'c1', '', 15);
		expect(await store.listNotes('audit-1')).toEqual([]);
		expect(await store.listNotes('other')).toHaveLength(1);
		expect(await store.getAudit('audit-1')).toMatchObject({ revision: 5, updatedAt: 15 });
	});

	it('keeps leading and trailing spaces of a non-blank note', async () => {
		const { store } = await openStore(makeAudit());
		await store.saveNote('audit-1', 'c1', ' two  words ', 3);
		expect((await store.listNotes('audit-1'))[0]?.text).toBe(' two  words ');
	});
});
