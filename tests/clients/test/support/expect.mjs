// Failure messages that name the SDK call and show what it received, so a red test reads as
// "openai chat.completions.create: finish_reason ... received: {...}" rather than a bare assertion.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';

/** A compact, bounded rendering of whatever an SDK returned or threw. */
export function preview(value) {
  const text = inspect(value, { depth: 6, breakLength: 160, maxArrayLength: 20, maxStringLength: 400 });
  return text.length > 3000 ? `${text.slice(0, 3000)} ...(${text.length - 3000} more characters)` : text;
}

/** What an SDK error carries that matters here: class, status, message, type, code, body. */
export function describeError(err) {
  if (!(err instanceof Error)) return preview(err);
  const fields = {};
  for (const key of ['status', 'type', 'code', 'param', 'requestID', 'error']) {
    if (err[key] !== undefined) fields[key] = err[key];
  }
  const cause = err.cause instanceof Error ? ` (cause: ${err.cause.constructor.name}: ${err.cause.message})` : '';
  return `${err.constructor.name}: ${err.message}${cause} ${preview(fields)}`;
}

/** Awaits an SDK call; if it throws, the failure names the call and the error it raised. */
export async function call(label, fn) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    throw new Error(`${label} threw ${describeError(err)}`, { cause: err });
  }
}

/** Runs assertions over what `label` returned; a failing one is reported with the received value. */
export function expectFrom(label, received, check) {
  try {
    check(received);
  } catch (err) {
    if (err instanceof assert.AssertionError) {
      err.message = `${label}: ${err.message}\nreceived: ${preview(received)}`;
    }
    throw err;
  }
  return received;
}

/** Awaits an SDK call that must throw; returns the error (a resolved call fails with its result). */
export async function expectThrows(label, fn) {
  let result;
  try {
    result = await fn();
  } catch (err) {
    return err;
  }
  assert.fail(`${label} resolved instead of throwing; received: ${preview(result)}`);
}

/** Collects every item of an async iterable (an SDK stream), naming the call when iteration throws. */
export async function collect(label, iterable) {
  const items = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (err) {
    throw new Error(`${label} threw while iterating after ${items.length} item(s): ${describeError(err)}` +
      `\nitems so far: ${preview(items)}`, { cause: err });
  }
  return items;
}

/**
 * A fetch that records what the SDK sent (url, method, headers, a string body parsed as JSON when it
 * is JSON) and when, for asserting on auth headers, request bodies and retries.
 */
export function recordingFetch() {
  const requests = [];
  const wrapped = async (input, init = {}) => {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    for (const [name, value] of new Headers(init.headers ?? {})) headers.set(name, value);
    const url = input instanceof Request ? input.url : String(input);
    let body;
    if (typeof init.body === 'string') {
      try { body = JSON.parse(init.body); } catch { body = init.body; }
    }
    requests.push({ url, method: init.method ?? 'GET', headers: Object.fromEntries(headers), body, at: Date.now() });
    return fetch(input, init);
  };
  return { fetch: wrapped, requests };
}
