import { expect, test } from '@playwright/test';
import { getBuiltinTemplate } from '../../src/lib/domain/builtin-templates/index';
import type { JourneyTemplate } from '../../src/lib/domain/types';
import { fixture, goOffline, waitForServiceWorker, walkStages } from '../e2e/field-walk';
import { SHOPPER, signIn } from '../e2e/sign-in';

// The tablet's journey at a name that is not localhost, over HTTPS behind Caddy: a secure
// context (a trusted certificate, not an ignored one), so the service worker registers and
// audits start; sign in, go offline, open routes never visited, run a complaint-handling audit
// with a photo, reload offline, come back online, and find it on the server exactly once.

const template = getBuiltinTemplate('complaint-handling', 1) as JourneyTemplate;

test('over HTTPS behind Caddy at shopwalk.test: offline audit, synced exactly once', async ({
	page,
	context,
	baseURL
}) => {
	await page.goto('/');
	const facts = await page.evaluate(() => ({
		origin: location.origin,
		secure: window.isSecureContext,
		randomUUID: typeof crypto.randomUUID === 'function',
		serviceWorker: 'serviceWorker' in navigator
	}));
	expect(facts).toEqual({
		origin: new URL(baseURL!).origin,
		secure: true,
		randomUUID: true,
		serviceWorker: true
	});
	expect(new URL(baseURL!).hostname).not.toBe('localhost');
	await waitForServiceWorker(page);

	await signIn(page, SHOPPER);
	await expect(page.getByTestId('assignment').first()).toBeVisible();

	await goOffline(context);
	await page.goto('/audits/new');
	await expect(page.getByTestId('network-state')).toHaveText('Offline');
	await page.getByText('Nordlys Elektronik Strøget').click();
	await page.getByText(template.name.en, { exact: true }).click();
	await page.getByTestId('start-audit').click();
	await page.waitForURL(/\/audits\/[0-9a-f-]{36}\/stages\/0$/);
	const auditId = page.url().split('/audits/')[1]!.split('/')[0]!;
	await walkStages(page, template, { photo: 'shelf-12mp-rot6.jpg' });

	// The overview: a receipt photo, then nothing is missing; a reload offline keeps it all.
	const receipt = page.locator('[data-testid="photo-strip"]').first();
	await receipt.getByTestId('photo-input').setInputFiles(fixture('receipt.jpg'));
	await expect(receipt).toHaveAttribute('data-photo-count', '1', { timeout: 30_000 });
	await page.getByTestId('finish-visit').click();
	await expect(page.getByTestId('ready-state')).toHaveText(
		'Everything is filled in. The audit is ready to submit.'
	);
	await page.reload();
	await expect(page.getByTestId('network-state')).toHaveText('Offline');
	await expect(page.getByTestId('ready-state')).toHaveText(
		'Everything is filled in. The audit is ready to submit.'
	);
	await page.goto(`/audits/${auditId}`);
	await page.getByTestId('mark-ready').click();
	await expect(page.getByTestId('audit-status')).toHaveText('Ready to submit');
	await page.goto('/');
	const item = page.locator(`[data-testid="audit-item"]`).first();
	await expect(item).toHaveAttribute('data-status', 'queued');

	// Back online: the outbox drains; the server has the audit and its photo, once.
	await context.unrouteAll({ behavior: 'wait' });
	await context.setOffline(false);
	await expect(item).toHaveAttribute('data-status', 'received', { timeout: 60_000 });
	await expect(page.getByTestId('pending-summary')).toHaveText('Nothing waiting to sync');
	const server = await page.evaluate(async (id) => {
		const list = (await (await fetch('/api/audits')).json()) as { items: { id: string }[] };
		const detail = (await (await fetch(`/api/audits/${id}`)).json()) as {
			state: string;
			photos: { stored: boolean }[];
		};
		return {
			copies: list.items.filter((i) => i.id === id).length,
			state: detail.state,
			photos: detail.photos.map((p) => p.stored)
		};
	}, auditId);
	expect(server.copies).toBe(1);
	expect(server.state).toBe('submitted');
	expect(server.photos.length).toBeGreaterThanOrEqual(1);
	expect(server.photos.every(Boolean)).toBe(true);
});
