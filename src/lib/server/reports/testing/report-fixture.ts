// Test-only: audits submitted through the real services, with small photos, for report tests.
import sharp from 'sharp';
import type { SessionUser } from '$lib/contract/auth';
import type { TestOrganisation } from '../../testing/factories';
import {
	buildCompleteAudit,
	fixturePhoto,
	submitRequestOf,
	type BuiltAudit
} from '../../testing/complete-audit';
import { submitAudit } from '../../services/audit-submit';
import { upsertAudit } from '../../services/audit-upsert';
import type { ServiceContext } from '../../services/context';
import { plainLocation, uploadAllPhotos } from '../../services/test-helpers';

let small: Promise<Uint8Array> | undefined;

/** The receipt fixture shrunk once to 800 px: reports of it render in a fraction of a second. */
export function smallPhoto(): Promise<Uint8Array> {
	small ??= sharp(fixturePhoto('receipt.jpg'))
		.rotate()
		.resize(800, 800, { fit: 'inside' })
		.jpeg({ quality: 70 })
		.toBuffer()
		.then((buffer) => new Uint8Array(buffer));
	return small;
}

/**
 * A complete audit of the organisation's retail template (no assignment, small photos) uploaded
 * with its photos and submitted by `org.shopper`. Returns the built audit.
 */
export async function submitSmallAudit(
	ctx: ServiceContext,
	org: TestOrganisation,
	now: number,
	user: SessionUser = org.shopper
): Promise<BuiltAudit> {
	const audit = buildCompleteAudit({
		template: org.template,
		location: plainLocation(org.location),
		assignmentId: null,
		photoBytes: [await smallPhoto()],
		now
	});
	await upsertAudit(ctx, user, audit.id, audit.upload, now);
	await uploadAllPhotos(ctx, user, audit, now);
	await submitAudit(ctx, user, audit.id, `submit-${audit.id}`, submitRequestOf(audit), now + 1);
	return audit;
}

/** Resolves once `check` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function waitFor(
	check: () => Promise<boolean>,
	timeoutMs = 20_000,
	what = 'condition'
): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}
