import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { localOfInstant } from '../../src/lib/domain/zoned-time';
import { goOffline, waitForServiceWorker } from './field-walk';
import { MANAGER, signIn } from './sign-in';

// The programme, end to end on a tablet: an admin invites a shopper with a one-time link (inviting
// them twice is refused, in Danish once the admin reads Danish), the link signs them in and they
// choose a password; a manager plans a visit with a Danish and an English brief for them at a
// competitor's store; their tablet pulls it, shows the Danish brief and the window, and still
// lists it offline. The new office pages pass axe.

const ADMIN = 'admin@nordlys.example';
const NEW_SHOPPER = 'shopper51@nordlys.example';
const COMPETITOR = 'ByteHuset Fisketorvet';
const BRIEF_EN = 'Ask for a tablet for a first-year student; budget 3000 DKK.';
const BRIEF_DA = 'Spørg efter en tablet til en førsteårsstuderende; budget 3000 kr.';

async function violations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

test('invite a shopper with a link, plan a competitor visit with a Danish brief, pull it to the tablet, keep it offline', async ({
	browser
}) => {
	const admin = await browser.newContext({ viewport: { width: 800, height: 1280 } });
	const adminPage = await admin.newPage();
	await signIn(adminPage, ADMIN);
	await adminPage.goto('/office/people');
	expect.soft(await violations(adminPage), '/office/people').toEqual([]);
	const invite = adminPage.getByTestId('invite-form');
	await invite.getByLabel('Email').fill(NEW_SHOPPER);
	await invite.getByLabel('Name', { exact: true }).fill('Sofie Nielsen');
	await invite.getByTestId('invite-role').selectOption('shopper');
	await invite.getByLabel('Pseudonym').fill('Shopper 51');
	await invite.getByTestId('invite-submit').click();
	const link = (await adminPage.getByTestId('invite-link').textContent())!.trim();
	expect(link).toMatch(/\/welcome\/[A-Za-z0-9_-]{43}$/);
	await expect(adminPage.getByTestId('person-row').filter({ hasText: NEW_SHOPPER })).toBeVisible();
	// Inviting the same email again is refused in the reader's language, not the service's English.
	await adminPage.getByTestId('office-language').selectOption('da');
	await expect(adminPage.getByRole('heading', { name: 'Invitér et medlem' })).toBeVisible();
	await invite.locator('[name="email"]').fill(NEW_SHOPPER);
	await invite.locator('[name="displayName"]').fill('Sofie Nielsen');
	await invite.getByTestId('invite-role').selectOption('shopper');
	await invite.locator('[name="pseudonym"]').fill('Shopper 51');
	await invite.getByTestId('invite-submit').click();
	await expect(adminPage.getByTestId('form-refused')).toHaveText(
		'Denne e-mail har allerede en konto.'
	);
	await admin.close();

	// The shopper's tablet, in Danish, in Copenhagen.
	const tablet = await browser.newContext({
		viewport: { width: 800, height: 1280 },
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen'
	});
	const shopper = await tablet.newPage();
	await shopper.goto(link);
	await expect(shopper.getByRole('heading', { level: 1 })).toHaveText('Velkommen til Shopwalk');
	expect.soft(await violations(shopper), '/welcome').toEqual([]);
	await shopper.getByTestId('welcome-password').fill('sofies egen kode');
	await shopper.getByTestId('welcome-repeat').fill('sofies egen kode');
	await shopper.getByTestId('welcome-submit').click();
	await expect(shopper).toHaveURL(/\/$/);
	await expect(shopper.getByTestId('user-name')).toBeVisible();
	// The link is spent: opening it again says so.
	const spent = await tablet.newPage();
	await spent.goto(link);
	await expect(spent.getByTestId('welcome-invalid')).toBeVisible();
	await spent.close();

	// The manager plans the visit.
	const office = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const managerPage = await office.newPage();
	await signIn(managerPage, MANAGER);
	await managerPage.goto('/office/locations');
	expect.soft(await violations(managerPage), '/office/locations').toEqual([]);
	await managerPage.goto('/office/visits/new');
	expect.soft(await violations(managerPage), '/office/visits/new').toEqual([]);
	const start = Date.now() - 60 * 60 * 1000;
	const end = Date.now() + 2 * 24 * 60 * 60 * 1000;
	const form = managerPage.getByTestId('visit-form');
	const store = form.getByTestId('visit-location');
	const storeId = await store.locator('option', { hasText: COMPETITOR }).getAttribute('value');
	await store.selectOption(storeId!);
	await form.getByTestId('visit-shopper').selectOption({ label: 'Shopper 51 (Sofie Nielsen)' });
	await form.getByTestId('visit-start').fill(localOfInstant(start, 'Europe/Copenhagen'));
	await form.getByTestId('visit-end').fill(localOfInstant(end, 'Europe/Copenhagen'));
	await form.getByTestId('brief-en').fill(BRIEF_EN);
	await form.getByTestId('brief-da').fill(BRIEF_DA);
	await form.getByTestId('visit-save').click();
	await expect(managerPage.getByTestId('visits-planned')).toBeVisible();
	const row = managerPage.getByTestId('visit-row').filter({ hasText: 'Shopper 51' });
	await expect(row).toContainText(COMPETITOR);
	await expect(row.getByTestId('visit-state')).toHaveAttribute('data-state', 'open');
	expect.soft(await violations(managerPage), '/office/visits').toEqual([]);
	await row.getByRole('link', { name: COMPETITOR }).click();
	await expect(managerPage.getByTestId('visit-facts')).toContainText(BRIEF_DA);
	expect.soft(await violations(managerPage), '/office/visits/[id]').toEqual([]);
	// A refused location import lists each problem in the reader's language, by its code.
	await managerPage.goto('/office/locations/import');
	await managerPage.getByTestId('office-language').selectOption('pl');
	await expect(managerPage.getByRole('heading', { name: 'Importuj CSV' })).toBeVisible();
	await managerPage
		.getByTestId('import-form')
		.locator('textarea[name="csv"]')
		.fill('name,kind,time_zone\nJeden,own,UTC\nJeden,own,UTC\n');
	await managerPage.getByTestId('import-submit').click();
	await expect(managerPage.getByTestId('form-problem')).toHaveText(
		'Wiersz 3, kolumna name: Ten sam sklep co w wierszu 2.'
	);
	await managerPage.screenshot({ path: 'test-results/location-import-refused-pl.png' });
	await office.close();

	// The tablet pulls it: the Danish brief and the window, in the shopper's language.
	await shopper.reload();
	const card = shopper.getByTestId('assignment').filter({ hasText: COMPETITOR });
	await expect(card).toBeVisible();
	await expect(card.getByTestId('assignment-brief')).toHaveText(BRIEF_DA);
	await expect(card.getByTestId('assignment-brief')).toHaveAttribute('lang', 'da');
	const format = new Intl.DateTimeFormat('da-DK', {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'Europe/Copenhagen'
	});
	await expect(card).toContainText(`${format.format(start)} – ${format.format(end)}`);
	await expect(card).toContainText('Konkurrent');

	// Offline, after a reload: still listed, brief and all.
	await waitForServiceWorker(shopper);
	await goOffline(tablet);
	await shopper.reload();
	await expect(card).toBeVisible();
	await expect(card.getByTestId('assignment-brief')).toHaveText(BRIEF_DA);
	await tablet.close();
});
