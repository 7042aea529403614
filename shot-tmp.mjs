import { chromium } from '@playwright/test';
const base = 'http://localhost:4500';
const [,, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu','--disable-dev-shm-usage'] });
for (const [w, h] of [[800, 1280], [1280, 800]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, baseURL: base });
  const page = await ctx.newPage();
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill('manager@nordlys.example');
  await page.getByTestId('sign-in-password').fill('shopwalk-demo');
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-name').waitFor();
  for (const p of paths) {
    const [path, action] = p.split('|');
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    if (action) await eval(action);
    await page.waitForTimeout(300);
    const name = `/tmp/builder/shot-${w}x${h}-${path.replace(/[^a-z0-9]+/gi, '_')}${action ? '-a' : ''}.png`;
    await page.screenshot({ path: name, fullPage: process.env.FULL === "1" });
    console.log(name);
  }
  await ctx.close();
}
await browser.close();
