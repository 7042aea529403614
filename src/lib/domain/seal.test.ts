import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { presenceOutcome } from './presence';
import {
	canonicalJson,
	formatVerificationCode,
	parseVerificationCode,
	sealBytes,
	sealDigest,
	type SealSource
} from './seal';
import { SEAL_CASES, SEAL_GOLDEN } from './seal-cases';

const [first] = SEAL_CASES;
const AUDIT = first!.auditId;
const SOURCE = first!.source;

async function digestOf(change: (source: SealSource) => SealSource): Promise<string> {
	return sealDigest(AUDIT, change(structuredClone(SOURCE)));
}

describe('seal digest (Node)', () => {
	it.each(SEAL_CASES)(
		'$name: the pinned digest, equal to node:crypto over the same bytes',
		async (c) => {
			const digest = await sealDigest(c.auditId, c.source);
			expect(digest).toBe(SEAL_GOLDEN[c.name]);
			expect(createHash('sha256').update(sealBytes(c.auditId, c.source)).digest('hex')).toBe(
				digest
			);
		}
	);

	it('writes the canonical form exactly: sorted keys, no whitespace, JSON strings and numbers', () => {
		expect(canonicalJson({ b: [1, 'x', null], a: { d: true, c: 0.5 }, é: '"\n' })).toBe(
			'{"a":{"c":0.5,"d":true},"b":[1,"x",null],"é":"\\"\\n"}'
		);
		expect(() => canonicalJson({ a: undefined })).toThrow();
		expect(() => canonicalJson({ a: Number.NaN })).toThrow();
		const text = new TextDecoder().decode(sealBytes(AUDIT, SOURCE));
		expect(text.startsWith('shopwalk-seal/1\n{"answers":[{"answeredAt":')).toBe(true);
		expect(text).not.toMatch(/\n.*\n/);
	});

	it('does not depend on the order answers, notes and photos are listed in', async () => {
		const shuffled = await digestOf((s) => ({
			...s,
			answers: [...s.answers].reverse(),
			notes: [...s.notes].reverse(),
			photos: [...s.photos].reverse()
		}));
		expect(shuffled).toBe(SEAL_GOLDEN[first!.name]);
	});

	it('changes with any answer, note, photo hash, time, caption, presence or id', async () => {
		const original = SEAL_GOLDEN[first!.name]!;
		const changes: [string, (s: SealSource) => SealSource][] = [
			[
				'answer',
				(s) => ({ ...s, answers: s.answers.map((a, i) => (i ? a : { ...a, value: 'no' })) })
			],
			[
				'answer time',
				(s) => ({
					...s,
					answers: s.answers.map((a, i) => (i ? a : { ...a, answeredAt: a.answeredAt + 1 }))
				})
			],
			[
				'note',
				(s) => ({ ...s, notes: s.notes.map((n, i) => (i ? n : { ...n, text: n.text + ' ' })) })
			],
			['note normalised', (s) => ({ ...s, narrative: s.narrative.normalize('NFC') })],
			['narrative', (s) => ({ ...s, narrative: s.narrative + '.' })],
			[
				'photo hash',
				(s) => ({ ...s, photos: s.photos.map((p) => ({ ...p, sha256: 'b' + p.sha256.slice(1) })) })
			],
			[
				'photo time',
				(s) => ({ ...s, photos: s.photos.map((p) => ({ ...p, capturedAt: p.capturedAt + 1 })) })
			],
			['caption', (s) => ({ ...s, photos: s.photos.map((p) => ({ ...p, caption: 'x' })) })],
			['a photo fewer', (s) => ({ ...s, photos: [] })],
			['time-in', (s) => ({ ...s, timeIn: s.timeIn + 1 })],
			['time-out', (s) => ({ ...s, timeOut: null })],
			['stage time', (s) => ({ ...s, stageTimeMs: { ...s.stageTimeMs, arrival: 1 } })],
			['revision', (s) => ({ ...s, revision: s.revision + 1 })],
			[
				'presence',
				(s) => ({
					...s,
					presence: { outcome: 'outside', accuracy: 'le50', checkedAt: s.presence!.checkedAt }
				})
			],
			['no presence', (s) => ({ ...s, presence: null })],
			['location', (s) => ({ ...s, location: { ...s.location, address: 'Elsewhere 2' } })]
		];
		const digests = new Set<string>([original]);
		for (const [what, change] of changes) {
			const digest = await digestOf(change);
			expect(digest, what).not.toBe(original);
			digests.add(digest);
		}
		expect(digests.size).toBe(changes.length + 1);
		expect(await sealDigest('6c1b7f2e-1111-4000-8000-00000000ffff', SOURCE)).not.toBe(original);
	});

	it('changes when one byte of a photo changes (its SHA-256 is sealed)', async () => {
		const bytes = new Uint8Array(4096).map((_, i) => (i * 31) % 251);
		const hashOf = async (b: Uint8Array<ArrayBuffer>) =>
			Buffer.from(await crypto.subtle.digest('SHA-256', b)).toString('hex');
		const flipped = bytes.slice();
		flipped[2000] = flipped[2000]! ^ 1;
		const withPhoto = async (sha256: string) =>
			digestOf((s) => ({ ...s, photos: [{ ...s.photos[0]!, sha256 }] }));
		expect(await withPhoto(await hashOf(bytes))).not.toBe(await withPhoto(await hashOf(flipped)));
	});
});

describe('verification codes', () => {
	it('are 12 Crockford base32 characters that survive being typed sloppily', () => {
		const code = formatVerificationCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(parseVerificationCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
		expect(parseVerificationCode('0O1I-L000-0000')).toBe('0011-1000-0000');
		expect(parseVerificationCode('ABCD-EFGH-JKM')).toBeNull();
		expect(parseVerificationCode('ABCD-EFGH-JKMU')).toBeNull();
		expect(parseVerificationCode('x'.repeat(100))).toBeNull();
	});
});

describe('presence outcome', () => {
	const store = { latitude: 55.6786, longitude: 12.5747, radiusM: 150 };
	it('is within at the store, outside 400 m away, and keeps only the outcome and band', () => {
		const at = presenceOutcome({ latitude: 55.6787, longitude: 12.5748, accuracy: 20 }, store, 9);
		expect(at).toEqual({ outcome: 'within', accuracy: 'le50', checkedAt: 9 });
		const away = presenceOutcome(
			{ latitude: 55.6822, longitude: 12.5747, accuracy: 120 },
			store,
			9
		);
		expect(away).toEqual({ outcome: 'outside', accuracy: 'le200', checkedAt: 9 });
		const vague = presenceOutcome(
			{ latitude: 55.6786, longitude: 12.5747, accuracy: 900 },
			store,
			9
		);
		expect(vague.accuracy).toBe('gt200');
		expect(JSON.stringify(away)).not.toContain('55.');
	});
});
