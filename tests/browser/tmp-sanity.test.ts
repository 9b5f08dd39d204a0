import { it, expect } from 'vitest';
import { launchBrowser, openPage, auditAccessibility } from '../helpers/browser.js';
it('axe finds problems on a bad page', async () => {
  const browser = await launchBrowser();
  const { page } = await openPage(browser, { bypassCSP: true });
  await page.setContent('<html><body><img src="x.png"><input type="text"><p style="color:#eee;background:#fff">low</p></body></html>');
  const f = await auditAccessibility(page);
  console.log(f);
  expect(f.length).toBeGreaterThan(0);
  await browser.close();
});
