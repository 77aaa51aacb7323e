// Drives budget-service's live dashboard in Debian's headless chromium (playwright-core, no
// Playwright browser download). Used by system-tests DashboardBrowserTest; install with
// .ci/browser-setup.sh.
//
//   node dashboard-e2e/dashboard.mjs <dashboard-url> <team-api-key> <screenshot.png> [timeout-seconds]
//
// Loads the page, enters the key in the login form, waits until the page shows the team's org, its
// stream is live and the first view is drawn, then prints "DASHBOARD READY <org>" on stdout. The
// caller then captures a lead that is a duplicate and writes its captureId as one line on stdin
// (the org's status topic may hold older duplicates, still arriving, so "a new row" is not enough).
// The script waits until that capture's row appears among the latest duplicates, prints
// "DASHBOARD UPDATED <row>", writes the screenshot (full page, PNG) and exits 0. Any failure or the
// timeout (default 45 s) exits 1 with a message starting "DASHBOARD FAILED" on stderr.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const CHROMIUM = '/usr/bin/chromium';
const SETUP_HINT = 'run .ci/browser-setup.sh';

function fail(message) {
  process.stderr.write(`DASHBOARD FAILED: ${message}\n`);
  process.exit(1);
}

const [url, key, screenshot, timeoutArg] = process.argv.slice(2);
if (!url || !key || !screenshot) {
  fail('usage: node dashboard-e2e/dashboard.mjs <dashboard-url> <team-api-key> <screenshot.png> [timeout-seconds]');
}
const timeoutMs = Number(timeoutArg || 45) * 1000;
if (!existsSync(CHROMIUM)) {
  fail(`${CHROMIUM} is missing: ${SETUP_HINT}`);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  fail(`playwright-core is not installed in dashboard-e2e/node_modules (${e.message}): ${SETUP_HINT}`);
}

/** The first line on stdin, trimmed; rejects with a TimeoutError or at end of input. */
function firstLine(timeout) {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: process.stdin });
    const timer = setTimeout(() => {
      lines.close();
      const error = new Error('no line on stdin');
      error.name = 'TimeoutError';
      reject(error);
    }, timeout);
    let done = false;
    lines.once('line', (line) => {
      done = true;
      clearTimeout(timer);
      lines.close();
      resolve(line.trim());
    });
    lines.once('close', () => {
      clearTimeout(timer);
      if (!done) {
        reject(new Error('stdin ended before a captureId was written'));
      }
    });
  });
}

const deadline = Date.now() + timeoutMs;
const remaining = () => Math.max(1, deadline - Date.now());
const userDataDir = mkdtempSync(join(tmpdir(), 'leadgate-dashboard-chromium-'));
let context;
// A hard stop in case the browser itself hangs (closing included).
const watchdog = setTimeout(() => {
  rmSync(userDataDir, { recursive: true, force: true });
  fail(`timed out after ${timeoutMs / 1000} s (watchdog)`);
}, timeoutMs + 10000);
watchdog.unref();

let step = 'launching chromium';
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    timeout: remaining(),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  page.on('response', (answer) => {
    if (answer.status() >= 400) {
      process.stderr.write(`HTTP ${answer.status()} ${answer.url()}\n`);
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      process.stderr.write(`console error: ${message.text()}\n`);
    }
  });

  step = `loading ${url}`;
  const response = await page.goto(url, { waitUntil: 'load', timeout: remaining() });
  if (!response || !response.ok()) {
    throw new Error(`the page answered ${response ? response.status() : 'nothing'}`);
  }

  step = 'entering the team key';
  await page.locator('#key').fill(key, { timeout: remaining() });
  await page.locator('#login button[type=submit]').click({ timeout: remaining() });

  step = 'waiting for the org and the live stream';
  const shown = await page.waitForFunction(
    () => {
      const error = document.getElementById('login-error').textContent.trim();
      if (error) {
        return { error };
      }
      const org = document.getElementById('org').textContent.trim();
      const live = document.getElementById('connection').classList.contains('on');
      const drawn = Boolean(document.body.dataset.updatedAt);
      return org && live && drawn && !document.getElementById('board').hidden ? { org } : null;
    },
    null,
    { timeout: remaining(), polling: 100 },
  );
  const { org, error } = await shown.jsonValue();
  if (error) {
    throw new Error(`the page refused the key: ${error}`);
  }
  step = 'checking that the login form gave way to the board';
  if (await page.locator('#login').isVisible()) {
    throw new Error('the login form is still shown after the key was accepted');
  }
  if (!(await page.locator('#board').isVisible())) {
    throw new Error('the board is not shown after the key was accepted');
  }
  process.stdout.write(`DASHBOARD READY ${org}\n`);

  step = 'reading the captureId on stdin';
  const captureId = await firstLine(remaining());
  if (!/^[A-Za-z0-9-]{1,100}$/.test(captureId)) {
    throw new Error(`expected a captureId on stdin, read "${captureId}"`);
  }
  step = `waiting for capture ${captureId} among the latest duplicates`;
  const newRow = page.locator(`#duplicates tr[data-capture-id="${captureId}"]`);
  await newRow.waitFor({ state: 'visible', timeout: remaining() });
  const rowText = (await newRow.innerText()).replace(/\s+/g, ' ').trim();
  process.stdout.write(`DASHBOARD UPDATED ${rowText}\n`);

  step = `writing the screenshot ${screenshot}`;
  await page.screenshot({ path: screenshot, fullPage: true, timeout: remaining() });
  process.stdout.write(`DASHBOARD SCREENSHOT ${screenshot}\n`);
  await context.close();
  context = undefined;
} catch (e) {
  const message = e && e.name === 'TimeoutError'
    ? `timed out after ${timeoutMs / 1000} s while ${step}`
    : `while ${step}: ${e && e.message ? e.message : e}`;
  if (context) {
    await context.close().catch(() => {});
  }
  rmSync(userDataDir, { recursive: true, force: true });
  fail(message);
}
rmSync(userDataDir, { recursive: true, force: true });
process.exit(0);
