// CORS from a real browser (docs/cors.md): headless Chromium loads cors_page.html from one origin
// (a page server on a free port) and calls siraya-mock on another (the mock on a free port), once
// with the page's origin allowed (--cors-origin) and once with another origin allowed.
//
//   allowed origin:    the buffered and the streamed (response.body.getReader()) chat answers reach
//                      the page, equal to the answer Node gets without CORS, with x-request-id
//                      readable from JavaScript; the journal shows the browser's requests.
//   disallowed origin: both fetches reject with a TypeError, the journal shows the preflights
//                      answered 400 and no POST, and a direct preflight gets the documented 400.
//
// Environment: SIRAYA_MOCK_BIN (CTest passes $<TARGET_FILE:siraya-mock>), SIRAYA_CHROMIUM (optional:
// the browser binary; default chromium or chromium-browser on PATH). Exit codes: 0 passed, 1 failed,
// 77 skipped (no Chromium; the reason is printed).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';

const SKIP = 77;
const API_KEY = 'sk-siraya-browser-test';
const ADMIN_TOKEN = 'admin-siraya-browser-test';
const MODEL = 'openai/gpt-4o';
const QUESTION = 'What is the capital of France?';
const CHROMIUM_TIMEOUT_MS = 20000;  // real time for one page load; the test's CTest TIMEOUT is 60 s
const HOLD_LIMIT_MS = 15000;        // a page that never reports is dumped (and fails) after this
const LISTENING = /^siraya-mock listening on (http:\/\/\S+) \(seed (\d+)\)$/;

function findChromium() {
  if (process.env.SIRAYA_CHROMIUM) return process.env.SIRAYA_CHROMIUM;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch { /* not here */ }
    }
  }
  return null;
}

// The page's origin: a server on a free port that serves cors_page.html at "/". GET /hold is
// answered once the page has POSTed /report (or after HOLD_LIMIT_MS), which keeps the page loading
// until its script is done (see cors_page.html).
async function startPageServer() {
  const page = readFileSync(new URL('./cors_page.html', import.meta.url));
  let held = [];
  const release = () => {
    for (const res of held) res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    held = [];
  };
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url.startsWith('/?')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(page);
    } else if (req.method === 'GET' && req.url === '/hold') {
      held.push(res);
      setTimeout(release, HOLD_LIMIT_MS).unref();
    } else if (req.method === 'POST' && req.url === '/report') {
      res.writeHead(204).end();
      release();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

// siraya-mock on a free port: ready once it prints its listening line (no polling, no sleeps).
async function startMock(corsOrigin) {
  const bin = process.env.SIRAYA_MOCK_BIN;
  if (!bin) throw new Error('SIRAYA_MOCK_BIN is not set: point it at the built siraya-mock binary');
  const args = ['--port', '0', '--seed', '7', '--strict', '--key', API_KEY, '--admin-token', ADMIN_TOKEN,
                '--cors-origin', corsOrigin];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => { stderr += text; });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const line = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (first) => { lines.close(); resolve(first); });
    child.once('error', (err) => reject(new Error(`cannot start siraya-mock (${bin}): ${err.message}`)));
    exited.then(({ code, signal }) => reject(new Error(
      `siraya-mock exited (code ${code}, signal ${signal}) before listening; stderr: ${stderr.trim()}`)));
  });
  const match = LISTENING.exec(line);
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`siraya-mock's first stdout line is not the listening line: ${JSON.stringify(line)}`);
  }
  child.stdout.resume();
  return {
    origin: match[1],
    async journal() {
      const res = await fetch(`${match[1]}/__admin/requests`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(res.status, 200, 'GET /__admin/requests');
      return (await res.json()).data;
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      child.kill('SIGTERM');
      const { code, signal } = await exited;
      if (code !== 0) throw new Error(`siraya-mock did not stop cleanly (code ${code}, signal ${signal}): ${stderr}`);
    },
  };
}

function unescapeHtml(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}

// Loads the page in headless Chromium and returns what the page wrote into #result.
async function runPage(chromium, pageOrigin, mockOrigin) {
  const query = new URLSearchParams({ mock: mockOrigin, key: API_KEY, model: MODEL, question: QUESTION });
  const url = `${pageOrigin}/?${query}`;
  const profile = mkdtempSync(join(tmpdir(), 'siraya-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
                '--no-default-browser-check', '--disable-extensions', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`,
                '--virtual-time-budget=5000', '--dump-dom', url];
  // Its own process group, so the timeout ends the renderer and helper processes too.
  const child = spawn(chromium, args, {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  let stdout = '', stderr = '', timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (t) => { stdout += t; });
  child.stderr.setEncoding('utf8').on('data', (t) => { stderr += t; });
  const timer = setTimeout(() => { timedOut = true; try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } },
                           CHROMIUM_TIMEOUT_MS);
  const { code, signal } = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve({ code: c, signal: s }));
  });
  clearTimeout(timer);
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group has ended */ }
  rmSync(profile, { recursive: true, force: true });
  const context = `chromium (code ${code}, signal ${signal}${timedOut ? ', timed out' : ''}); ` +
                  `dumped DOM:\n${stdout}\nstderr (last 2000 characters):\n${stderr.slice(-2000)}`;
  const state = /<pre id="state">([^<]*)<\/pre>/.exec(stdout)?.[1];
  assert.equal(state, 'done', `the page did not finish: ${context}`);
  const result = /<pre id="result">([^<]*)<\/pre>/.exec(stdout)?.[1];
  return { result: JSON.parse(unescapeHtml(result)), context };
}

// The answer Node gets without any Origin header: what the browser must see when CORS allows it.
async function directAnswer(mockOrigin) {
  const res = await fetch(`${mockOrigin}/v1/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: QUESTION }] }),
  });
  assert.equal(res.status, 200, 'direct POST /v1/chat/completions');
  return (await res.json()).choices[0].message.content;
}

async function allowedOrigin(chromium, page) {
  const mock = await startMock(page.origin);
  try {
    const expected = await directAnswer(mock.origin);
    assert.ok(expected.length > 0, 'the mock answers with text');
    const { result, context } = await runPage(chromium, page.origin, mock.origin);
    const { buffered, streamed } = result;
    assert.equal(buffered.ok, true, `buffered fetch failed: ${JSON.stringify(buffered)}\n${context}`);
    assert.equal(buffered.status, 200);
    assert.equal(buffered.content, expected, 'the buffered answer read in the browser');
    assert.match(buffered.requestId ?? '', /^req_[0-9a-f]{24}$/, 'x-request-id readable from JavaScript');
    assert.equal(streamed.ok, true, `streamed fetch failed: ${JSON.stringify(streamed)}\n${context}`);
    assert.equal(streamed.status, 200);
    assert.match(streamed.contentType ?? '', /^text\/event-stream/);
    assert.equal(streamed.done, true, 'the stream reached data: [DONE]');
    assert.equal(streamed.content, expected, 'the streamed deltas add up to the same answer');
    assert.match(streamed.requestId ?? '', /^req_[0-9a-f]{24}$/, 'x-request-id readable on the stream');
    assert.notEqual(streamed.requestId, buffered.requestId);

    const fromPage = (await mock.journal()).filter((e) => e.headers.origin === page.origin);
    const posts = fromPage.filter((e) => e.method === 'POST');
    assert.deepEqual(posts.map((e) => [e.path, e.status, e.stream]),
                     [['/v1/chat/completions', 200, false], ['/v1/chat/completions', 200, true]],
                     'the journal holds the two requests the browser sent, with the page as Origin');
    assert.deepEqual(posts.map((e) => e.request_id), [buffered.requestId, streamed.requestId]);
    // The browser asked first: a preflight (it may cache it for the second request, Max-Age 600).
    const preflights = fromPage.filter((e) => e.method === 'OPTIONS');
    assert.ok(preflights.length >= 1 && fromPage[0].method === 'OPTIONS', JSON.stringify(fromPage));
    for (const p of preflights) assert.equal(p.status, 204);
    console.log(`ok - allowed origin ${page.origin}: buffered and streamed answers (${streamed.reads} reads) ` +
                `read in the browser after ${preflights.length} preflight(s), x-request-id ${buffered.requestId}`);
  } finally {
    await mock.stop();
  }
}

async function disallowedOrigin(chromium, page) {
  const other = 'http://127.0.0.1:9';  // a port nothing serves: only the page's origin matters
  const mock = await startMock(other);
  try {
    const { result, context } = await runPage(chromium, page.origin, mock.origin);
    for (const name of ['buffered', 'streamed']) {
      assert.equal(result[name].ok, false, `the ${name} fetch must fail: ${JSON.stringify(result[name])}\n${context}`);
      assert.equal(result[name].error, 'TypeError', `the ${name} fetch rejects with a TypeError`);
    }
    const fromPage = (await mock.journal()).filter((e) => e.headers.origin === page.origin);
    assert.ok(fromPage.length >= 1, `the journal shows the browser's preflights: ${JSON.stringify(fromPage)}`);
    for (const entry of fromPage) {
      assert.deepEqual([entry.method, entry.path, entry.status], ['OPTIONS', '/v1/chat/completions', 400],
                       `only refused preflights, never the POST: ${JSON.stringify(entry)}`);
      assert.equal(entry.headers['access-control-request-method'], 'POST');
    }

    const res = await fetch(`${mock.origin}/v1/chat/completions`, {
      method: 'OPTIONS',
      headers: { Origin: page.origin, 'Access-Control-Request-Method': 'POST',
                 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    assert.equal(res.status, 400, 'a preflight from a disallowed origin');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    const { error } = await res.json();
    assert.equal(error.type, 'invalid_request_error');
    assert.equal(error.code, 400);
    assert.ok(error.message.includes(page.origin) && error.message.includes('--cors-origin'), error.message);
    console.log(`ok - disallowed origin ${page.origin}: both fetches rejected (TypeError), ` +
                `${fromPage.length} preflight(s) answered 400: ${error.message}`);
  } finally {
    await mock.stop();
  }
}

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.log('browser tests skipped: Chromium is not installed (the test browser.install_chromium installs ' +
                'it as root with apt-get; or set SIRAYA_CHROMIUM to a Chromium binary)');
    return SKIP;
  }
  const page = await startPageServer();
  try {
    await allowedOrigin(chromium, page);
    await disallowedOrigin(chromium, page);
  } finally {
    await page.close();
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.error(`not ok - ${err.stack ?? err}`);
  process.exitCode = 1;
});
