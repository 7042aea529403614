import type { SealSource } from '../src/lib/domain/seal';

// The audit both seal benchmarks hash: Audit-L (150 checkpoints over 10 stages) with 60 photos,
// notes on a fifth of the checkpoints and the narrative a shopper writes. Pure, for browser and Node.

const WORDS =
	'staff greeted shelf price label queue customer warranty laptop student asked waited æble på'.split(
		' '
	);

/** Seeded PRNG (mulberry32), so every run hashes the same audit. */
function rng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const SEAL_BENCH_AUDIT_ID = '6c1b7f2e-2222-4000-8000-000000000150';

/** A 150-checkpoint, 60-photo audit as the device uploads it. */
export function sealBenchAudit(): SealSource {
	const random = rng(20_261_201);
	const text = (n: number) =>
		Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
	const checkpoints = Array.from(
		{ length: 150 },
		(_, i) => `stage-${Math.floor(i / 15)}-cp-${i % 15}`
	);
	const hex = () =>
		Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
	return {
		revision: 4,
		templateId: 'bench-template',
		templateVersion: 1,
		assignmentId: 'asg-bench',
		location: {
			id: 'loc-1',
			name: 'Bench store',
			kind: 'competitor',
			brand: 'Brand',
			address: 'Main street 1',
			region: 'North'
		},
		locale: 'da',
		timeIn: 1_760_000_000_000,
		timeOut: 1_760_003_600_000,
		stageTimeMs: Object.fromEntries(
			Array.from({ length: 10 }, (_, s) => [`stage-${s}`, 60_000 + s])
		),
		narrative: text(300),
		answers: checkpoints.map((checkpointId, i) => ({
			checkpointId,
			value:
				i % 20 < 8
					? random() < 0.8
						? 'yes'
						: 'no'
					: i % 20 < 12
						? 1 + Math.floor(random() * 5)
						: i % 20 < 15
							? ['opt-0', 'opt-2']
							: text(20),
			answeredAt: 1_760_000_000_000 + i * 10_000
		})),
		notes: checkpoints
			.filter((_, i) => i % 5 === 0)
			.map((checkpointId, i) => ({
				checkpointId,
				text: text(40),
				updatedAt: 1_760_000_100_000 + i
			})),
		photos: Array.from({ length: 60 }, (_, i) => ({
			id: `0d9e8f7a-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
			checkpointId: i % 3 === 0 ? null : checkpoints[i * 2]!,
			kind: i % 3 === 0 ? 'general' : 'checkpoint',
			caption: text(6),
			capturedAt: 1_760_000_000_000 + i * 30_000,
			sha256: hex()
		})),
		presence: { outcome: 'within', accuracy: 'le50', checkedAt: 1_760_000_000_500 }
	};
}
