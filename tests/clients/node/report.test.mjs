// `stet report` on both examples, opened in headless Chromium: the page renders without the
// network, its counts are those of `stet check --format json`, the filter hides and shows claims,
// a keyboard reaches a claim's entry from its mark, and it prints. Leaves a screenshot of the
// El Salvador report in target/clients/report.png (the README's is docs/report.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { repo, stet } from './common.mjs';

const drafts = ['examples/el-salvador/drafts', 'examples/riverton-council/drafts'];
const work = mkdtempSync(join(tmpdir(), 'stet-report-'));
const file = join(work, 'report.html');
let browser;
let page;
const requests = [];

before(async () => {
  const run = spawnSync(stet, ['report', ...drafts, '-o', file], { cwd: repo });
  assert.equal(run.status, 0, String(run.stderr));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Findings of `stet check --format json` per draft and rule: `path|code` -> count. */
function checkCounts() {
  const run = spawnSync(stet, ['check', '--format', 'json', ...drafts], { cwd: repo });
  assert.equal(run.status, 1, String(run.stderr));
  const counts = new Map();
  for (const f of JSON.parse(String(run.stdout))) {
    // The page names drafts as the command line did; the JSON may give them whole.
    const key = `${relative(repo, resolve(repo, f.path))}|${f.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

test('the page loads nothing but itself', () => {
  assert.deepEqual(requests, [pathToFileURL(file).href]);
});

test('the findings per draft and rule are those of stet check --format json', async () => {
  const shown = await page.$$eval('#rules tbody tr', (rows) =>
    rows.flatMap((row) =>
      [...row.querySelectorAll('td[data-draft]')].map((cell) => [`${cell.dataset.draft}|${row.dataset.rule}`, +cell.textContent]),
    ),
  );
  const expected = checkCounts();
  const nonzero = new Map(shown.filter(([, n]) => n > 0));
  assert.deepEqual(nonzero, expected);
  const perDraft = await page.$$eval('#summary tbody tr[data-draft]', (rows) =>
    rows.map((row) => [row.dataset.draft, +row.querySelector('[data-findings]').textContent]),
  );
  for (const [draft, n] of perDraft) {
    const total = [...expected].filter(([k]) => k.startsWith(`${draft}|`)).reduce((s, [, c]) => s + c, 0);
    assert.equal(n, total, draft);
  }
  assert.equal(perDraft.length, 3);
});

test('each draft lists as many claims as its summary row counts, each with its standing in words', async () => {
  const rows = await page.$$eval('#summary tbody tr[data-draft]', (rows) =>
    rows.map((row) => +row.querySelector('[data-claims]').textContent),
  );
  const lists = await page.$$eval('section.draft', (sections) => sections.map((s) => s.querySelectorAll('li.claim').length));
  assert.deepEqual(lists, rows);
  const words = await page.$$eval('li.claim', (items) =>
    items.map((li) => [li.dataset.verdict.replace('-', ' '), li.querySelector('.badge').textContent]),
  );
  for (const [verdict, badge] of words) assert.ok(badge.includes(verdict), `${badge} says ${verdict}`);
  const unsourced = await page.locator('li.claim[data-verdict=unsourced]').count();
  assert.ok(unsourced >= 1, 'the examples hold unsourced figures');
});

test('unticking a standing hides its claims, and ticking it shows them again', async () => {
  const all = await page.locator('li.claim').count();
  const verified = await page.locator('li.claim[data-verdict=verified]').count();
  assert.ok(verified > 0);
  await page.getByRole('checkbox', { name: /verified/ }).uncheck();
  assert.equal(await page.locator('li.claim[data-verdict=verified]:visible').count(), 0);
  assert.equal(await page.locator('li.claim:visible').count(), all - verified);
  assert.equal(await page.locator('#shown').textContent(), `Showing ${all - verified} of ${all} claims.`);
  await page.getByRole('checkbox', { name: /verified/ }).check();
  assert.equal(await page.locator('li.claim:visible').count(), all);
});

test('a keyboard goes from a mark in the text to its entry', async () => {
  const tag = page.locator('a.tag.v-conflicting').first();
  const target = await tag.getAttribute('href');
  assert.match(await tag.getAttribute('aria-label'), /conflicting/);
  await tag.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => location.hash), target);
  assert.ok(await page.locator(`${target}:target`).isVisible());
});

test('printed, the filter is left out and the page is made', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#filter').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000);
  await page.emulateMedia({ media: 'screen' });
});

test('a screenshot of the El Salvador report', async () => {
  const one = join(work, 'one.html');
  const run = spawnSync(stet, ['report', 'examples/el-salvador/drafts/security-ties.md', '-o', one], { cwd: repo });
  assert.equal(run.status, 0, String(run.stderr));
  await page.goto(pathToFileURL(one).href);
  await page.locator('#d0').scrollIntoViewIfNeeded();
  mkdirSync(resolve(repo, 'target/clients'), { recursive: true });
  await page.screenshot({ path: resolve(repo, 'target/clients/report.png') });
});
