import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AuditUploadSchema, MAX_STAGE_TIME_MS, type AuditUpload } from '$lib/contract/sync';
import { storableUpload } from './build-upload';

const T = 1_760_000_000_000;
const upload: AuditUpload = {
	revision: 3,
	templateId: 'retail-store-visit',
	templateVersion: 1,
	assignmentId: null,
	location: {
		id: 'loc-1',
		name: 'Strøget',
		kind: 'own',
		brand: 'Nordlys',
		address: 'Strøget 1',
		region: 'Hovedstaden'
	},
	locale: 'da',
	timeIn: T,
	timeOut: T + 30 * 60_000,
	stageTimeMs: { arrival: 120_000, greeting: 60_000 },
	narrative: 'Et godt besøg. Łódź 😀',
	answers: [
		{ checkpointId: 'a', value: 'yes', answeredAt: T },
		{ checkpointId: 'b', value: ['x', 'y'], answeredAt: T },
		{ checkpointId: 'c', value: 4, answeredAt: T }
	],
	notes: [{ checkpointId: 'a', text: 'Fint.', updatedAt: T }],
	photos: []
};

describe('storableUpload', () => {
	it('sends an ordinary audit exactly as stored, emoji and all', () => {
		expect(storableUpload(upload)).toEqual(upload);
		expect(v.safeParse(AuditUploadSchema, upload).success).toBe(true);
	});

	it('turns what the server would refuse forever into what it takes, visibly', () => {
		const quirky: AuditUpload = {
			...upload,
			// The tablet's clock went back between time-in and time-out.
			timeOut: T - 5 * 60_000,
			stageTimeMs: { arrival: Number.POSITIVE_INFINITY, greeting: -4, farewell: 40 * 86_400_000 },
			narrative: 'Pasted\u0000text',
			answers: [
				{ checkpointId: 'a', value: 'half \uD83D pair', answeredAt: T },
				{ checkpointId: 'b', value: ['\uDE00x'], answeredAt: T }
			],
			notes: [{ checkpointId: 'a', text: 'ok\u0000', updatedAt: T }]
		};
		expect(v.safeParse(AuditUploadSchema, quirky).success).toBe(false);
		const sent = storableUpload(quirky);
		expect(v.safeParse(AuditUploadSchema, sent).success).toBe(true);
		expect(sent.timeOut).toBe(T);
		expect(sent.stageTimeMs).toEqual({ arrival: 0, greeting: 0, farewell: MAX_STAGE_TIME_MS });
		expect(sent.narrative).toBe('Pasted\uFFFDtext');
		expect(sent.answers.map((a) => a.value)).toEqual(['half \uFFFD pair', ['\uFFFDx']]);
		expect(sent.notes[0]!.text).toBe('ok\uFFFD');
	});
});
