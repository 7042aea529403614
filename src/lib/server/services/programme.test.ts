import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '$lib/contract/auth';
import type { ImportProblem } from '$lib/contract/office';
import { authenticate, startSession } from '../auth/sessions';
import { signIn } from '../auth/sign-in';
import { getLocation, listLocations } from '../repos/locations';
import { listAssignments } from '../repos/assignments';
import { listLocationIdsOfUser } from '../repos/user-locations';
import { ServiceError } from '../service-error';
import { upsertAudit } from './audit-upsert';
import {
	archiveLocation,
	createLocation,
	importLocations,
	listLocationPage,
	parseLocationInput,
	updateLocation
} from './locations';
import {
	changeOwnPassword,
	checkSignInLink,
	deactivateMember,
	inviteMember,
	listMembers,
	readMember,
	redeemSignInLink,
	resetPassword,
	setPseudonym,
	setViewerLocations,
	SIGN_IN_LINK_TTL_MS
} from './people';
import { completeAuditOf, openSyncFixture, type SyncFixture } from './test-helpers';
import { setTemplateArchive } from './template-builder';
import {
	cancelVisit,
	editVisit,
	listVisitPage,
	planningChoices,
	planVisit,
	planWave,
	readVisit,
	type VisitProblem
} from './visits';
import { TEST_PASSWORD } from '../testing/factories';

const NOW = 1_760_000_000_000;
const HOUR = 60 * 60 * 1000;
let f: SyncFixture;

beforeEach(async () => {
	f = await openSyncFixture(NOW);
});
afterEach(async () => {
	await f.database.dispose();
});

/** The refusal a promise ends with: reason and code. */
async function refusal(
	promise: Promise<unknown>
): Promise<{ reason: string; code: string; details?: unknown }> {
	try {
		await promise;
	} catch (caught) {
		if (caught instanceof ServiceError) {
			return { reason: caught.reason, code: caught.code, details: caught.details };
		}
		throw caught;
	}
	throw new Error('expected a refusal');
}

const store = {
	name: 'Elgiganten Fields',
	kind: 'competitor' as const,
	brand: 'Elgiganten',
	region: 'Copenhagen',
	address: 'Arne Jacobsens Allé 12',
	timeZone: 'Europe/Copenhagen'
};

describe('locations', () => {
	it('creates, edits, searches, pages and archives, with the store’s time zone', async () => {
		const created = await createLocation(f.ctx, f.a.manager, store, NOW);
		expect(created).toMatchObject({ ...store, archivedAt: null });
		const oslo = await createLocation(
			f.ctx,
			f.a.admin,
			{ ...store, name: 'Power Storo', brand: 'Power', region: 'Oslo', timeZone: 'Europe/Oslo' },
			NOW
		);
		const edited = await updateLocation(
			f.ctx,
			f.a.manager,
			created.id,
			{ ...store, address: 'Somewhere else 1', timeZone: 'Europe/Warsaw' },
			NOW + 1
		);
		expect(edited).toMatchObject({ address: 'Somewhere else 1', timeZone: 'Europe/Warsaw' });

		const search = async (q: string) =>
			(await listLocationPage(f.ctx, f.a.manager, { q })).items.map((l) => l.name);
		expect(await search('elgig')).toEqual(['Elgiganten Fields']);
		expect(await search('OSLO')).toEqual(['Power Storo']);
		expect(await search('copenhagen fields')).toEqual(['Elgiganten Fields']);
		expect(await search('100%_')).toEqual([]);

		// Four locations, pages of two by name, no row twice or missing.
		const first = await listLocationPage(f.ctx, f.a.manager, { limit: 2 });
		const second = await listLocationPage(f.ctx, f.a.manager, {
			limit: 2,
			cursor: first.nextCursor
		});
		expect(second.nextCursor).toBeNull();
		const names = [...first.items, ...second.items].map((l) => l.name);
		expect(names).toHaveLength(4);
		expect(names).toEqual([...names].sort());

		await archiveLocation(f.ctx, f.a.manager, oslo.id, true, NOW + 2);
		expect(await search('oslo')).toEqual([]);
		expect(
			(await listLocationPage(f.ctx, f.a.manager, { q: 'oslo', includeArchived: true })).items[0]
				?.archivedAt
		).toBe(NOW + 2);
		// Archived: no new visits there.
		expect(
			(await refusal(planVisit(f.ctx, f.a.manager, visitAt(oslo.id, f.a.shopper), NOW))).code
		).toBe('invalid_visit');
	});

	it('refuses bad input naming the field, other organisations’ ids and other roles', async () => {
		expect(
			await refusal(
				Promise.resolve().then(() => parseLocationInput({ ...store, timeZone: 'Mars/Base' }))
			)
		).toMatchObject({
			code: 'invalid_location',
			details: { field: 'timeZone', code: 'not_a_time_zone' }
		});
		expect(
			await refusal(Promise.resolve().then(() => parseLocationInput({ ...store, name: '  ' })))
		).toMatchObject({ details: { field: 'name', code: 'empty' } });
		for (const user of [f.a.shopper, f.a.viewer]) {
			expect((await refusal(createLocation(f.ctx, user, store, NOW))).reason).toBe('forbidden');
			expect((await refusal(listLocationPage(f.ctx, user, {}))).reason).toBe('forbidden');
		}
		expect(
			(await refusal(updateLocation(f.ctx, f.b.manager, f.a.location.id, store, NOW))).reason
		).toBe('not_found');
		expect(
			(await refusal(archiveLocation(f.ctx, f.b.admin, f.a.location.id, true, NOW))).reason
		).toBe('not_found');
		expect(
			(await getLocation(f.database.db, f.a.organisation.id, f.a.location.id))?.archivedAt
		).toBeNull();
		expect(
			(await listLocationPage(f.ctx, f.b.manager, {})).items.some((l) => l.id === f.a.location.id)
		).toBe(false);
	});

	it('imports a good CSV (semicolons, a BOM, quoted cells) in one go', async () => {
		const csv =
			'\uFEFFname;kind;brand;region;address;time_zone\n' +
			'Strøget;own;Nordlys;Copenhagen;"Østergade 1; 1100 København";Europe/Copenhagen\n' +
			'Power Storo;Competitor;Power;Oslo;Storo 1;Europe/Oslo\n' +
			'Media Expert;competitor;Media Expert;Warsaw;Marszałkowska 1;Europe/Warsaw\n';
		expect(await importLocations(f.ctx, f.a.manager, csv, NOW)).toEqual({ imported: 3 });
		const all = await listLocations(f.database.db, f.a.organisation.id);
		const stroget = all.find((l) => l.name === 'Strøget');
		expect(stroget).toMatchObject({
			kind: 'own',
			address: 'Østergade 1; 1100 København',
			timeZone: 'Europe/Copenhagen'
		});
		expect(all.find((l) => l.name === 'Power Storo')).toMatchObject({
			kind: 'competitor',
			timeZone: 'Europe/Oslo'
		});
	});

	it('refuses a file with planted errors with every error’s row and column, storing nothing', async () => {
		const before = (await listLocations(f.database.db, f.a.organisation.id)).length;
		const csv = [
			'name,kind,brand,region,address,time_zone',
			'Good store,own,Nordlys,North,Street 1,Europe/Copenhagen',
			',own,Nordlys,North,Street 2,Europe/Copenhagen',
			'Shop three,franchise,Nordlys,North,Street 3,Europe/Copenhagen',
			'Shop four,own,Nordlys,North,Street 4,Europe/Atlantis',
			'Good store,own,Nordlys,North,Street 1,Europe/Copenhagen',
			`Shop six,competitor,${'x'.repeat(300)},North,Street 6,UTC`
		].join('\n');
		const refused = await refusal(importLocations(f.ctx, f.a.manager, csv, NOW));
		expect(refused.code).toBe('invalid_import');
		const problems = (refused.details as { problems: ImportProblem[] }).problems;
		expect(problems.map(({ row, column }) => [row, column])).toEqual([
			[3, 'name'],
			[4, 'kind'],
			[5, 'time_zone'],
			[6, 'name'],
			[7, 'brand']
		]);
		// Each with its code and the values its sentence names, for the office to word.
		expect(problems.map(({ code, params }) => [code, params])).toEqual([
			['empty', undefined],
			['not_a_choice', undefined],
			['not_a_time_zone', undefined],
			['duplicate_location', { row: 2 }],
			['too_long', { max: 200 }]
		]);
		expect(problems[3]?.message).toBe('The same location as row 2.');
		expect((await listLocations(f.database.db, f.a.organisation.id)).length).toBe(before);

		const header = await refusal(
			importLocations(f.ctx, f.a.manager, 'name,type,zone\nA,own,UTC', NOW)
		);
		expect(
			(header.details as { problems: ImportProblem[] }).problems.map(
				(p) => `${p.row}:${p.column}:${p.code}`
			)
		).toEqual([
			'1:type:unknown_column',
			'1:zone:unknown_column',
			'1:kind:missing_column',
			'1:time_zone:missing_column'
		]);
		expect((await refusal(importLocations(f.ctx, f.a.viewer, 'name', NOW))).reason).toBe(
			'forbidden'
		);
	});
});

function visitAt(locationId: string, shopper: SessionUser, start = NOW, end = NOW + 48 * HOUR) {
	return {
		templateId: f.a.template.id,
		templateVersion: f.a.template.version,
		locationId,
		shopperId: shopper.id,
		windowStart: start,
		windowEnd: end,
		brief: { en: 'Ask for a student laptop.', da: 'Spørg efter en studiecomputer.' }
	};
}

describe('visits', () => {
	it('offers no archived journey and plans no visit on one', async () => {
		expect((await planningChoices(f.ctx, f.a.manager)).templates.map((t) => t.id)).toContain(
			f.a.template.id
		);
		await setTemplateArchive(f.ctx, f.a.manager, f.a.template.id, true, NOW);
		expect((await planningChoices(f.ctx, f.a.manager)).templates.map((t) => t.id)).not.toContain(
			f.a.template.id
		);
		const refused = await refusal(
			planVisit(f.ctx, f.a.manager, visitAt(f.a.competitor.id, f.a.shopper), NOW)
		);
		expect(refused.code).toBe('invalid_visit');
		expect(JSON.stringify(refused.details)).toContain('archived');
	});

	it('plans a visit with a brief in two languages, lists it, edits and cancels it', async () => {
		const visit = await planVisit(f.ctx, f.a.manager, visitAt(f.a.competitor.id, f.a.shopper), NOW);
		expect(visit).toMatchObject({
			state: 'open',
			location: { id: f.a.competitor.id, kind: 'competitor', timeZone: 'Europe/Copenhagen' },
			shopper: { id: f.a.shopper.id, pseudonym: 'Shopper 1' },
			brief: { en: 'Ask for a student laptop.', da: 'Spørg efter en studiecomputer.' }
		});
		const edited = await editVisit(
			f.ctx,
			f.a.admin,
			visit.id,
			{ ...visitAt(f.a.competitor.id, f.a.otherShopper), brief: { en: 'New brief', da: ' ' } },
			NOW + 1
		);
		expect(edited).toMatchObject({
			shopper: { id: f.a.otherShopper.id },
			brief: { en: 'New brief' }
		});
		expect(edited.brief).not.toHaveProperty('da');
		const cancelled = await cancelVisit(f.ctx, f.a.manager, visit.id, NOW + 2);
		expect(cancelled.state).toBe('cancelled');
		expect((await refusal(cancelVisit(f.ctx, f.a.manager, visit.id, NOW + 3))).code).toBe(
			'visit_not_editable'
		);
	});

	it('refuses a bad visit with every problem; other organisations’ ids; other roles', async () => {
		const refused = await refusal(
			planVisit(
				f.ctx,
				f.a.manager,
				{
					...visitAt(f.b.location.id, f.a.manager, NOW, NOW - 1),
					templateVersion: 99,
					brief: { en: '' }
				},
				NOW
			)
		);
		expect(refused.code).toBe('invalid_visit');
		const problems = (refused.details as { problems: VisitProblem[] }).problems;
		expect(problems.map((p) => p.field)).toEqual([
			'templateId',
			'windowEnd',
			'brief.en',
			'locationId',
			'shopperId'
		]);
		expect(problems.map((p) => p.code)).toEqual([
			'template_not_published',
			'window_not_after_start',
			'brief_english_missing',
			'no_such_location',
			'not_a_shopper'
		]);
		expect(
			(await refusal(planVisit(f.ctx, f.b.manager, visitAt(f.a.location.id, f.a.shopper), NOW)))
				.code
		).toBe('invalid_visit');
		for (const user of [f.a.shopper, f.a.viewer]) {
			expect(
				(await refusal(planVisit(f.ctx, user, visitAt(f.a.location.id, f.a.shopper), NOW))).reason
			).toBe('forbidden');
			expect((await refusal(listVisitPage(f.ctx, user, {}, NOW))).reason).toBe('forbidden');
		}
		expect((await refusal(readVisit(f.ctx, f.b.manager, f.a.assignment.id, NOW))).reason).toBe(
			'not_found'
		);
		expect((await refusal(cancelVisit(f.ctx, f.b.manager, f.a.assignment.id, NOW))).reason).toBe(
			'not_found'
		);
	});

	it('plans a wave atomically: one bad row stores nothing; a good wave stores every visit', async () => {
		const count = async () => (await listAssignments(f.database.db, f.a.organisation.id)).length;
		const before = await count();
		const wave = {
			templateId: f.a.template.id,
			templateVersion: f.a.template.version,
			windowStart: NOW,
			windowEnd: NOW + 72 * HOUR,
			brief: { en: 'Wave brief', da: 'Bølgens brief' },
			visits: [
				{ locationId: f.a.location.id, shopperId: f.a.shopper.id },
				{ locationId: f.a.competitor.id, shopperId: f.a.viewer.id }
			]
		};
		const refused = await refusal(planWave(f.ctx, f.a.manager, wave, NOW));
		expect(refused).toMatchObject({
			code: 'invalid_wave',
			details: { problems: [{ field: 'visits.1.shopperId', code: 'not_a_shopper' }] }
		});
		expect(await count()).toBe(before);
		const twice = await refusal(
			planWave(f.ctx, f.a.manager, { ...wave, visits: [wave.visits[0]!, wave.visits[0]!] }, NOW)
		);
		expect(twice).toMatchObject({
			details: { problems: [{ field: 'visits.1.locationId', code: 'location_twice' }] }
		});
		expect(await count()).toBe(before);

		const planned = await planWave(
			f.ctx,
			f.a.manager,
			{
				...wave,
				visits: [wave.visits[0]!, { locationId: f.a.competitor.id, shopperId: f.a.otherShopper.id }]
			},
			NOW
		);
		expect(planned.visits).toHaveLength(2);
		expect(await count()).toBe(before + 2);
	});

	it('derives open, in progress, done and overdue alike for list and filter, and flags a late start', async () => {
		const late = await planVisit(
			f.ctx,
			f.a.manager,
			visitAt(f.a.competitor.id, f.a.shopper, NOW - 10 * HOUR, NOW - 5 * HOUR),
			NOW
		);
		const upcoming = await planVisit(
			f.ctx,
			f.a.manager,
			visitAt(f.a.competitor.id, f.a.otherShopper, NOW + HOUR, NOW + 5 * HOUR),
			NOW
		);
		// The factory's assignment: started now (inside its window).
		const audit = completeAuditOf(f.a);
		await upsertAudit(f.ctx, f.a.shopper, audit.id, audit.upload, NOW);
		const states = async (state: 'open' | 'in_progress' | 'overdue' | 'done' | null) =>
			(await listVisitPage(f.ctx, f.a.manager, { state }, NOW)).items.map((v) => [v.id, v.state]);
		expect(await states('overdue')).toEqual([[late.id, 'overdue']]);
		expect(await states('open')).toEqual([[upcoming.id, 'open']]);
		expect(await states('in_progress')).toEqual([[f.a.assignment.id, 'in_progress']]);
		expect(await states('done')).toEqual([]);
		expect((await states(null)).length).toBe(3);
		expect(
			(
				await refusal(
					editVisit(
						f.ctx,
						f.a.manager,
						f.a.assignment.id,
						visitAt(f.a.location.id, f.a.shopper),
						NOW
					)
				)
			).code
		).toBe('visit_not_editable');

		const lateAudit = completeAuditOf(f.a);
		await upsertAudit(
			f.ctx,
			f.a.shopper,
			lateAudit.id,
			{
				...lateAudit.upload,
				assignmentId: late.id,
				location: { ...lateAudit.upload.location, id: f.a.competitor.id }
			},
			NOW
		);
		const flagged = await readVisit(f.ctx, f.a.manager, late.id, NOW);
		expect(flagged).toMatchObject({
			state: 'overdue',
			startedOutsideWindow: true,
			auditId: lateAudit.id
		});
		expect((await readVisit(f.ctx, f.a.manager, f.a.assignment.id, NOW)).startedOutsideWindow).toBe(
			false
		);
	});
});

describe('people', () => {
	const invite = (
		role: 'shopper' | 'viewer' | 'manager' | 'admin',
		method: 'link' | 'password'
	) => ({
		email: `New.${role}.${method}@Example.com`,
		displayName: `New ${role}`,
		pseudonym: role === 'shopper' ? 'Shopper 31' : '',
		role,
		method
	});

	it('invites with a one-time link that works once, sets the password and signs in', async () => {
		const invitation = await inviteMember(f.ctx, f.a.admin, invite('shopper', 'link'), NOW);
		expect(invitation.member).toMatchObject({
			email: 'new.shopper.link@example.com',
			pseudonym: 'Shopper 31',
			role: 'shopper',
			active: true
		});
		expect(invitation.temporaryPassword).toBeNull();
		const token = invitation.linkToken!;
		// Stored hashed: the token itself is in no row.
		const rows = await f.database.db.selectFrom('sign_in_links').selectAll().execute();
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(await checkSignInLink(f.ctx, token, NOW + 1)).toEqual({
			email: 'new.shopper.link@example.com',
			displayName: 'New shopper'
		});
		// No password works before the link is used.
		expect(
			(
				await refusal(
					signIn(f.database.db, {
						email: invitation.member.email,
						password: '',
						ip: null,
						now: NOW
					})
				)
			).code
		).toBe('invalid_credentials');
		expect((await refusal(redeemSignInLink(f.ctx, token, 'short', NOW + 2))).code).toBe(
			'invalid_password'
		);
		const session = await redeemSignInLink(f.ctx, token, 'a new long password', NOW + 2);
		expect((await authenticate(f.database.db, session.token, NOW + 3))?.user.email).toBe(
			'new.shopper.link@example.com'
		);
		// Used: refused, whatever is tried.
		expect((await refusal(redeemSignInLink(f.ctx, token, 'another password!', NOW + 4))).code).toBe(
			'link_invalid'
		);
		expect((await refusal(checkSignInLink(f.ctx, token, NOW + 4))).code).toBe('link_invalid');
		const signedIn = await signIn(f.database.db, {
			email: 'new.shopper.link@example.com',
			password: 'a new long password',
			ip: null,
			now: NOW + 5
		});
		expect(signedIn.user.role).toBe('shopper');
	});

	it('refuses an expired link, a forged one, and a link of a deactivated member', async () => {
		const { linkToken } = await inviteMember(f.ctx, f.a.admin, invite('viewer', 'link'), NOW);
		expect(
			(
				await refusal(
					redeemSignInLink(f.ctx, linkToken!, 'long enough password', NOW + SIGN_IN_LINK_TTL_MS)
				)
			).code
		).toBe('link_invalid');
		expect(
			(await refusal(redeemSignInLink(f.ctx, 'x'.repeat(43), 'long enough password', NOW))).code
		).toBe('link_invalid');
		const other = await inviteMember(f.ctx, f.a.admin, invite('manager', 'link'), NOW);
		await deactivateMember(f.ctx, f.a.admin, other.member.id, NOW + 1);
		expect(
			(await refusal(redeemSignInLink(f.ctx, other.linkToken!, 'long enough password', NOW + 2)))
				.code
		).toBe('link_invalid');
	});

	it('shows a temporary password once; it signs in', async () => {
		const invitation = await inviteMember(f.ctx, f.a.admin, invite('manager', 'password'), NOW);
		expect(invitation.linkToken).toBeNull();
		expect(invitation.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
		const signedIn = await signIn(f.database.db, {
			email: invitation.member.email,
			password: invitation.temporaryPassword!,
			ip: null,
			now: NOW
		});
		expect(signedIn.user.pseudonym).toBe('New manager');
		expect(
			(
				await refusal(
					inviteMember(
						f.ctx,
						f.a.admin,
						{ ...invite('admin', 'link'), email: invitation.member.email.toUpperCase() },
						NOW
					)
				)
			).code
		).toBe('email_taken');
		expect(
			(
				await refusal(
					inviteMember(
						f.ctx,
						f.a.admin,
						{ ...invite('shopper', 'link'), email: 'x@y.dk', pseudonym: '' },
						NOW
					)
				)
			).details
		).toEqual({ field: 'pseudonym' });
	});

	it('deactivation ends every session at once and refuses sign-in; the data stays', async () => {
		const first = await startSession(f.database.db, f.a.shopper.id, NOW);
		const second = await startSession(f.database.db, f.a.shopper.id, NOW);
		expect(await authenticate(f.database.db, first.token, NOW + 1)).not.toBeNull();
		const member = await deactivateMember(f.ctx, f.a.admin, f.a.shopper.id, NOW + 2);
		expect(member.active).toBe(false);
		expect(await authenticate(f.database.db, first.token, NOW + 3)).toBeNull();
		expect(await authenticate(f.database.db, second.token, NOW + 3)).toBeNull();
		expect(
			(
				await refusal(
					signIn(f.database.db, {
						email: f.a.shopper.email,
						password: TEST_PASSWORD,
						ip: null,
						now: NOW + 4
					})
				)
			).code
		).toBe('invalid_credentials');
		expect(
			(await listAssignments(f.database.db, f.a.organisation.id)).some(
				(a) => a.shopperId === f.a.shopper.id
			)
		).toBe(true);
		// No new visits for them.
		expect(
			(await refusal(planVisit(f.ctx, f.a.manager, visitAt(f.a.location.id, f.a.shopper), NOW)))
				.details
		).toMatchObject({
			problems: [
				{
					field: 'shopperId',
					code: 'shopper_deactivated',
					params: { pseudonym: f.a.shopper.pseudonym },
					message: `${f.a.shopper.pseudonym} is deactivated.`
				}
			]
		});
		expect((await refusal(deactivateMember(f.ctx, f.a.admin, f.a.admin.id, NOW))).code).toBe(
			'cannot_deactivate_self'
		);
	});

	it('resets a password (sessions end), changes one’s own with the current one, sets a pseudonym', async () => {
		const session = await startSession(f.database.db, f.a.manager.id, NOW);
		const { temporaryPassword } = await resetPassword(f.ctx, f.a.admin, f.a.manager.id);
		expect(await authenticate(f.database.db, session.token, NOW + 1)).toBeNull();
		await signIn(f.database.db, {
			email: f.a.manager.email,
			password: temporaryPassword,
			ip: null,
			now: NOW + 2
		});

		const mine = await startSession(f.database.db, f.a.viewer.id, NOW);
		const elsewhere = await startSession(f.database.db, f.a.viewer.id, NOW);
		expect(
			(
				await refusal(
					changeOwnPassword(f.ctx, f.a.viewer, mine.sessionId, {
						currentPassword: 'wrong',
						newPassword: 'a brand new password'
					})
				)
			).code
		).toBe('wrong_password');
		await changeOwnPassword(f.ctx, f.a.viewer, mine.sessionId, {
			currentPassword: TEST_PASSWORD,
			newPassword: 'a brand new password'
		});
		expect(await authenticate(f.database.db, mine.token, NOW + 1)).not.toBeNull();
		expect(await authenticate(f.database.db, elsewhere.token, NOW + 1)).toBeNull();
		await signIn(f.database.db, {
			email: f.a.viewer.email,
			password: 'a brand new password',
			ip: null,
			now: NOW + 2
		});

		expect((await setPseudonym(f.ctx, f.a.admin, f.a.shopper.id, ' Shopper 77 ')).pseudonym).toBe(
			'Shopper 77'
		);
		expect((await refusal(setPseudonym(f.ctx, f.a.admin, f.a.shopper.id, '  '))).code).toBe(
			'invalid_pseudonym'
		);
	});

	it('gives a report reader locations; admins only; no organisation sees another’s people', async () => {
		expect(
			await setViewerLocations(f.ctx, f.a.admin, f.a.viewer.id, [
				f.a.competitor.id,
				f.a.location.id
			])
		).toEqual([f.a.competitor.id, f.a.location.id].sort());
		expect(
			(await refusal(setViewerLocations(f.ctx, f.a.admin, f.a.viewer.id, [f.b.location.id]))).code
		).toBe('unknown_location');
		expect((await readMember(f.ctx, f.a.admin, f.a.viewer.id)).locationIds).toHaveLength(2);
		expect((await refusal(setViewerLocations(f.ctx, f.a.admin, f.a.shopper.id, []))).code).toBe(
			'not_a_viewer'
		);
		expect(
			await listLocationIdsOfUser(f.database.db, f.a.organisation.id, f.a.viewer.id)
		).toHaveLength(2);

		for (const user of [f.a.manager, f.a.shopper, f.a.viewer]) {
			expect((await refusal(listMembers(f.ctx, user, {}))).reason).toBe('forbidden');
			expect((await refusal(inviteMember(f.ctx, user, invite('admin', 'link'), NOW))).reason).toBe(
				'forbidden'
			);
			expect((await refusal(deactivateMember(f.ctx, user, f.a.shopper.id, NOW))).reason).toBe(
				'forbidden'
			);
		}
		for (const run of [
			() => readMember(f.ctx, f.b.admin, f.a.shopper.id),
			() => deactivateMember(f.ctx, f.b.admin, f.a.shopper.id, NOW),
			() => resetPassword(f.ctx, f.b.admin, f.a.shopper.id),
			() => setPseudonym(f.ctx, f.b.admin, f.a.shopper.id, 'Hijack'),
			() => setViewerLocations(f.ctx, f.b.admin, f.a.viewer.id, [])
		]) {
			expect((await refusal(run())).reason).toBe('not_found');
		}
		const page1 = await listMembers(f.ctx, f.b.admin, { limit: 4 });
		const page2 = await listMembers(f.ctx, f.b.admin, { limit: 4, cursor: page1.nextCursor });
		const emails = [...page1.items, ...page2.items].map((m) => m.email);
		expect(emails).toHaveLength(7);
		expect(emails.every((email) => email.endsWith(f.b.admin.email.split('@')[1]!))).toBe(true);
		expect(page2.nextCursor).toBeNull();
	});
});
