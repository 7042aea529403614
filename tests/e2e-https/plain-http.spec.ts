import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, SHOPPER } from '../e2e/sign-in';

// The same server opened without the proxy — plain http at a name other than localhost, as a
// tablet would reach an app on port 3000 of the LAN: not a secure context. The sign-in screen
// says that offline work needs https, and the sign-in itself is refused as bad_origin (ORIGIN
// is the https address), with the message naming the address the browser is at.
test('plain http at a LAN name: the sign-in screen explains both problems', async ({ page }) => {
	const appUrl = process.env.HTTPS_APP_URL;
	expect(appUrl, 'HTTPS_APP_URL from scripts/with-https-proxy.sh').toBeTruthy();
	await page.goto(`${appUrl}/sign-in`);
	expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
	await expect(page.getByTestId('sign-in-insecure')).toHaveText(
		'This address is not secure (https), so this browser cannot keep audits offline. Open Shopwalk at its https address, or ask your administrator to put it behind HTTPS.'
	);
	await page.getByTestId('sign-in-email').fill(SHOPPER);
	await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
	await page.getByTestId('sign-in-submit').click();
	await expect(page.getByTestId('sign-in-error')).toHaveText(
		'This server is set up for another address (ORIGIN). Open Shopwalk at its configured address, ' +
			`or ask your administrator to set ORIGIN to the address in your browser: ${new URL(appUrl!).origin}`
	);
});
