// Opens the VS Code workbench at URL in headless Chromium, waits for the probe to write its
// result, and takes a screenshot of the window. Usage: node screenshot.mjs URL RESULT SHOT
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

const [url, result, shot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(url);
  const deadline = Date.now() + 120_000;
  while (!existsSync(result)) {
    if (Date.now() > deadline) throw new Error('the probe wrote nothing in 120 s');
    await page.waitForTimeout(250);
  }
  // The hover fades in.
  await page.waitForTimeout(1500);
  mkdirSync(dirname(shot), { recursive: true });
  await page.screenshot({ path: shot });
} finally {
  await browser.close();
}
