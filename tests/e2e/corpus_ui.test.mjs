// End-to-end test of `dossier serve` in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): index the shipped sample and a hostile document into a fresh corpus, serve it,
// search, open a document, follow an entity, check what is shown, and save screenshots.
//
//   node tests/e2e/corpus_ui.test.mjs DOSSIER_BINARY SAMPLE_FILE SCREENSHOT_DIR
//
// Exits 0 when every check passes; prints each failure and exits 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [dossier, sample, shots] = process.argv.slice(2);
if (!dossier || !sample || !shots) {
  console.error('usage: node corpus_ui.test.mjs DOSSIER SAMPLE_FILE SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'dossier-e2e-'));
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

// A document whose text tries to run script in the page: it must be shown as text.
const hostile = join(work, 'hostile.txt');
writeFileSync(hostile, [
  'Hostile headline <script>window.__pwned = 1</script> for Greta Lindqvist',
  'Greta Lindqvist said "><img src=x onerror="window.__pwned = 2"> was only text, according to the council.',
  'The council met on 3 March 2024 to discuss the harbour budget.', ''].join('\n'));

const db = join(work, 'corpus.db');
const index = spawnSync(dossier, ['index', '--db', db, sample, hostile], { encoding: 'utf8' });
check(index.status === 0, `dossier index exits 0 (${(index.stderr || '').trim().split('\n').pop()})`);

const server = spawn(dossier, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const port = await new Promise((resolve, reject) => {
  let err = '';
  const timer = setTimeout(() => reject(new Error('serve did not start: ' + err)), 20000);
  server.stderr.on('data', (d) => {
    err += d;
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
    if (m) { clearTimeout(timer); resolve(Number(m[1])); }
  });
  server.on('exit', (code) => reject(new Error('serve exited ' + code + ': ' + err)));
});
const base = `http://127.0.0.1:${port}`;

// Navigates to a hash of the single page and waits until that page (not the previous one) is shown.
async function shown(page) {
  await page.waitForFunction(() => document.querySelector('main').dataset.rendered === location.hash);
}
async function show(page, hash) {
  await page.goto(`${base}/${hash}`);
  await shown(page);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('dialog', (d) => { pageErrors.push('dialog: ' + d.message()); d.dismiss(); });

  // Search.
  await show(page, '#/search?q=budget');
  const titles = await page.locator('ol.hits h2').allTextContents();
  check(titles.some((t) => t.includes('Ashby Falls')), `search "budget" lists the Ashby Falls story (${titles.join(' | ')})`);
  check(await page.locator('ol.hits mark').count() > 0, 'the snippets mark the matched word');
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: true });

  // Open the document.
  await page.locator('ol.hits h2 a', { hasText: 'Ashby Falls' }).first().click();
  await shown(page);
  const docTitle = await page.locator('#doc-title').textContent();
  check(docTitle.includes('Ashby Falls'), `the document page shows its title (${docTitle})`);
  const article = await page.locator('article').textContent();
  check(article.includes('Mayor Daniel Brierley'), 'the cleaned article text is shown');
  check(!article.includes('Pic: Reuters') || (await page.locator('p.caption').count()) > 0, 'captions are shown as captions');
  check(await page.locator('article .q').count() > 0, 'quotations are highlighted');
  check(await page.locator('article time.t').count() > 0, 'time expressions are highlighted');
  const entityLinks = page.locator('article a.ent-PER');
  check(await entityLinks.count() > 0, 'people are highlighted and linked');
  await page.screenshot({ path: join(shots, 'document.png'), fullPage: true });
  await page.screenshot({ path: join(shots, 'document-top.png') });

  // Follow an entity.
  const person = page.locator('article a.ent-PER', { hasText: 'Brierley' }).first();
  const personName = await person.getAttribute('title');
  await person.click();
  await shown(page);
  const entityName = await page.locator('#entity-name').textContent();
  check(entityName === personName, `the entity page is the person followed (${entityName} / ${personName})`);
  const aliases = await page.locator('#aliases li').allTextContents();
  check(aliases.length >= 1, `the entity page lists aliases (${aliases.join(' | ')})`);
  check(await page.locator('main a[href^="#/doc/"]').count() >= 1, 'the entity page links its documents');
  await page.screenshot({ path: join(shots, 'entity.png'), fullPage: true });

  // Quotes and timeline pages.
  await show(page, `#/quotes?speaker=${encodeURIComponent(entityName)}`);
  check(await page.locator('main blockquote').count() >= 1, `the quotes page lists quotes of ${entityName}`);
  await page.screenshot({ path: join(shots, 'quotes.png'), fullPage: true });
  await show(page, '#/timeline');
  const events = await page.locator('ol.timeline li').allTextContents();
  check(events.some((e) => e.startsWith('2024-03-03')), 'the timeline shows the hostile document\'s dated event');
  await page.screenshot({ path: join(shots, 'timeline.png'), fullPage: true });

  // The hostile document: its markup is text, nothing runs.
  await show(page, '#/search?q=hostile');
  const hostileTitle = await page.locator('ol.hits h2').first().textContent();
  check(hostileTitle.includes('<script>'), `a title holding <script> is shown as text (${hostileTitle})`);
  await page.locator('ol.hits h2 a').first().click();
  await shown(page);
  const hostileText = await page.locator('article').textContent();
  check(hostileText.includes('"><img src=x'), 'an injected <img> is shown as text');
  check(await page.locator('article img, article script').count() === 0, 'no element was injected');
  check(await page.evaluate(() => window.__pwned) === undefined, 'no injected script ran');
  await page.screenshot({ path: join(shots, 'hostile.png'), fullPage: true });

  // The API's errors.
  const bad = await page.evaluate(async () => { const r = await fetch('/api/search?limit=abc'); return [r.status, await r.json()]; });
  check(bad[0] === 400 && typeof bad[1].error === 'string', 'a bad parameter gets a 400 with a JSON error');
  check(pageErrors.length === 0, `no script errors or dialogs (${pageErrors.join('; ')})`);
} catch (e) {
  check(false, 'the run: ' + e.message);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
