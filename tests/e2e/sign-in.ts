import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'shopwalk-demo';
export const SHOPPER = 'shopper17@nordlys.example';
export const MANAGER = 'manager@nordlys.example';

/** Signs in through the app's own page, as a person would. */
export async function signIn(page: Page, email: string, origin = ''): Promise<void> {
	await page.goto(`${origin}/sign-in`);
	await page.getByTestId('sign-in-email').fill(email);
	await page.getByTestId('sign-in-password').fill(DEMO_PASSWORD);
	await page.getByTestId('sign-in-submit').click();
	await expect(page.getByTestId('user-name')).toBeVisible();
}
