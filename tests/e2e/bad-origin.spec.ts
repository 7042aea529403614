import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SHOPPER } from './sign-in';

// Opened at an address other than the server's ORIGIN (here 127.0.0.1 for a server set up for
// localhost), the server refuses sign-in with 403 bad_origin; the screen says why and what to do.
test('signing in at an address other than ORIGIN explains the refusal', async ({
	page,
	baseURL
}) => {
	const configured = new URL(baseURL!);
	expect(configured.hostname).toBe('localhost');
	const other = `http://127.0.0.1:${configured.port}`;
	await page.goto(`${other}/sign-in`);
	await page.getByTestId('sign-in-email').fill(SHOPPER);
	await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
	const refused = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
	await page.getByTestId('sign-in-submit').click();
	const response = await refused;
	expect(response.status()).toBe(403);
	expect((await response.json()).error).toBe('bad_origin');
	await expect(page.getByTestId('sign-in-error')).toHaveText(
		'This server is set up for another address (ORIGIN). Open Shopwalk at its configured address, ' +
			`or ask your administrator to set ORIGIN to the address in your browser: ${other}`
	);
	// A loopback address is a secure context: no https notice here.
	await expect(page.getByTestId('sign-in-insecure')).toHaveCount(0);
});
