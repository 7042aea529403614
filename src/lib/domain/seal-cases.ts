import type { SealSource } from './seal';

/**
 * Test-only: a table of audits whose seal digests are pinned in `SEAL_GOLDEN`. The Node unit test
 * and the Chromium browser test both compute them with the same function, so a digest that
 * differed between the tablet and the server would fail one of them. Not imported by the app.
 */

const location = {
	id: 'loc-strøget',
	name: 'Nordlys Strøget',
	kind: 'own' as const,
	brand: 'Nordlys',
	address: 'Strøget 1, 1160 København K',
	region: 'Hovedstaden'
};

const base: SealSource = {
	revision: 3,
	templateId: 'retail-store-visit',
	templateVersion: 2,
	assignmentId: 'asg-17',
	location,
	locale: 'da',
	timeIn: 1_760_000_000_000,
	timeOut: 1_760_002_400_000,
	stageTimeMs: { arrival: 120_000, greeting: 95_500, checkout: 60_000 },
	narrative: 'Rolig tur.',
	answers: [
		{ checkpointId: 'greeting-smile', value: 'yes', answeredAt: 1_760_000_100_000 },
		{ checkpointId: 'arrival-clean', value: 4, answeredAt: 1_760_000_050_000 }
	],
	notes: [{ checkpointId: 'arrival-clean', text: 'Pænt.', updatedAt: 1_760_000_060_000 }],
	photos: [
		{
			id: '0d9e8f7a-0000-4000-8000-000000000001',
			checkpointId: 'arrival-clean',
			kind: 'checkpoint',
			caption: 'Indgang',
			capturedAt: 1_760_000_055_000,
			sha256: 'a3f1'.repeat(16)
		}
	],
	presence: { outcome: 'within', accuracy: 'le50', checkedAt: 1_760_000_000_500 }
};

function hex64(n: number): string {
	return (n.toString(16).padStart(8, '0') + 'c0ffee').repeat(5).slice(0, 64);
}

export const SEAL_CASES: { name: string; auditId: string; source: SealSource }[] = [
	{
		name: 'unicode notes',
		auditId: '6c1b7f2e-1111-4000-8000-000000000001',
		source: {
			...base,
			narrative:
				'Æblegrød, “citat”, back\\slash, tab\tog\nlinje; e\u0301 ≠ é; 👩🏽‍💼; Zażółć gęślą jaźń',
			notes: [
				{ checkpointId: 'greeting-smile', text: '日本語のメモ — ﷺ — \u2028 sep', updatedAt: 5 },
				{ checkpointId: 'arrival-clean', text: 'Ærlig talt 🙂', updatedAt: 6 }
			]
		}
	},
	{
		name: 'no photos',
		auditId: '6c1b7f2e-1111-4000-8000-000000000002',
		source: { ...base, photos: [], presence: null }
	},
	{
		name: 'sixty photos',
		auditId: '6c1b7f2e-1111-4000-8000-000000000003',
		source: {
			...base,
			photos: Array.from({ length: 60 }, (_, i) => ({
				id: `0d9e8f7a-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
				checkpointId: i % 3 === 0 ? null : `cp-${i % 20}`,
				kind: i % 3 === 0 ? ('general' as const) : ('checkpoint' as const),
				caption: `Foto ${i + 1}`,
				capturedAt: 1_760_000_000_000 + i * 7_000,
				sha256: hex64(i)
			}))
		}
	},
	{
		name: 'n.a. answers, choices, numbers, no time-out',
		auditId: '6c1b7f2e-1111-4000-8000-000000000004',
		source: {
			...base,
			timeOut: null,
			answers: [
				{ checkpointId: 'warranty', value: 'na', answeredAt: 1 },
				{ checkpointId: 'queue', value: 'na', answeredAt: 2 },
				{ checkpointId: 'options', value: ['b', 'a'], answeredAt: 3 },
				{ checkpointId: 'price', value: 5999.5, answeredAt: 4 },
				{ checkpointId: 'greeted-at', value: '10:05', answeredAt: 5 }
			],
			presence: { outcome: 'unavailable', accuracy: null, checkedAt: 1_760_000_000_100 }
		}
	}
];

/** The digests every runtime must produce for `SEAL_CASES`, by name. */
export const SEAL_GOLDEN: Record<string, string> = {
	'unicode notes': '48ea1a1f6da623b55676df47796936995b27209592537eb237776c4596b6e68e',
	'no photos': 'd69d6957c0efca4fc6f1f5c1387f24ceae247b044583aa02792d3472eb6b9a7c',
	'sixty photos': '71f5ce5e92cc88347f97e3fbe6814ca69e49b6628d80c9f2c33f1f87dc0df538',
	'n.a. answers, choices, numbers, no time-out':
		'bc3aefe23be91c8202310588e34b415fef73999ed8883caedab01dc9a7506ff0'
};
