// Errors and retries through the SDKs (reference README §3 retry headers, §4 error envelopes and
// status -> SDK class table). Statuses other than 400/401 are forced with the mock's control header
// (docs/faults.md): `x-siraya-mock: status=429;retry-after=1`, `should-retry=false`, and
// `fault=error` for a failure inside a stream after HTTP 200.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { APICallError, generateText, RetryError } from 'ai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';

import { API_KEY, startMock } from './support/mock.mjs';
import { expectFrom, expectThrows, recordingFetch } from './support/expect.mjs';
import { ANTHROPIC_MODEL, CHAT_MODEL } from './support/fixtures.mjs';

const CONTROL = 'x-siraya-mock';
const HELLO = [{ role: 'user', content: 'Say hello.' }];
const CHAT = { model: CHAT_MODEL, messages: HELLO };
const MESSAGE = { model: ANTHROPIC_MODEL, max_tokens: 64, messages: HELLO };

// README §4.2: the class each SDK raises per status. openai 6.x has no class of its own for 402
// and 408 (plain APIError); @anthropic-ai/sdk 1.x has one for every documented status.
const OPENAI_CLASSES = {
  402: 'APIError', 403: 'PermissionDeniedError', 408: 'APIError', 429: 'RateLimitError',
  502: 'InternalServerError', 503: 'InternalServerError',
};
const ANTHROPIC_CLASSES = {
  402: 'PaymentRequiredError', 403: 'PermissionDeniedError', 408: 'RequestTimeoutError', 429: 'RateLimitError',
  502: 'InternalServerError', 503: 'ServiceUnavailableError',
};
// README §4.3: the error.type values of the Anthropic error shape.
const ANTHROPIC_TYPES = ['invalid_request_error', 'authentication_error', 'billing_error', 'permission_error',
  'not_found_error', 'rate_limit_error', 'timeout_error', 'api_error', 'overloaded_error'];
// The statuses the SDKs retry without x-should-retry (README §3).
const RETRYABLE = new Set([408, 429, 502, 503]);
// Default backoff before the first retry is at most 500 ms (openai, anthropic): a gap of at least
// this long means retry-after: 1 was honoured. A lower bound only, so never flaky.
const RETRY_AFTER_1_MS = 900;

function control(value) {
  return { headers: { [CONTROL]: value } };
}

/** The gateway envelope as openai-node exposes it (README §4.1). */
function assertOpenAIError(err, status, className) {
  assert.equal(err.constructor.name, className);
  assert.ok(err instanceof OpenAI.APIError);
  assert.equal(err.status, status);
  assert.equal(err.code, status, 'error.code is the HTTP status');
  assert.ok(typeof err.type === 'string' && err.type.length > 0, 'error.type is readable');
  assert.ok(typeof err.error?.message === 'string' && err.error.message.length > 0, 'error.message is readable');
  assert.equal(err.message, `${status} ${err.error.message}`);
  assert.ok(typeof err.requestID === 'string' && err.requestID.length > 0, 'requestID from x-request-id');
}

/** The superset body on /v1/messages as @anthropic-ai/sdk exposes it (README §4.3). */
function assertAnthropicError(err, status, className) {
  assert.equal(err.constructor.name, className);
  assert.ok(err instanceof Anthropic.APIError);
  assert.equal(err.status, status);
  assert.ok(ANTHROPIC_TYPES.includes(err.type), `type ${err.type} is an Anthropic error type`);
  assert.equal(err.error?.type, 'error');
  assert.ok(typeof err.error?.error?.message === 'string' && err.error.error.message.length > 0);
  assert.equal(err.error.error.code, status, 'error.code of the superset body');
  // 1.x reads body.error.message into apiMessage; err.message is "<status> <the JSON body>".
  assert.equal(err.apiMessage, err.error.error.message);
  assert.ok(err.message.startsWith(`${status} `));
  assert.ok(typeof err.requestID === 'string' && err.requestID.length > 0, 'requestID from request-id');
}

describe('errors and retries', () => {
  let mock;
  let openai;
  let anthropic;
  before(async () => {
    mock = await startMock();
    openai = new OpenAI({ apiKey: API_KEY, baseURL: mock.openaiBaseURL, maxRetries: 0 });
    anthropic = new Anthropic({ apiKey: API_KEY, baseURL: mock.anthropicBaseURL, maxRetries: 0 });
  });
  after(() => mock?.stop());

  describe('status codes that exist without the control header', () => {
    it('openai: a wrong key is AuthenticationError 401', async () => {
      const label = 'chat.completions.create with a wrong key';
      const client = new OpenAI({ apiKey: 'sk-wrong', baseURL: mock.openaiBaseURL, maxRetries: 0 });
      const err = await expectThrows(label, () => client.chat.completions.create(CHAT));
      expectFrom(label, err, () => {
        assertOpenAIError(err, 401, 'AuthenticationError');
        assert.equal(err.type, 'authentication_error');
      });
    });

    it('openai: an out-of-range parameter is BadRequestError 400 with param', async () => {
      const label = 'chat.completions.create({temperature: 5})';
      const err = await expectThrows(label, () => openai.chat.completions.create({ ...CHAT, temperature: 5 }));
      expectFrom(label, err, () => {
        assertOpenAIError(err, 400, 'BadRequestError');
        assert.equal(err.type, 'invalid_request_error');
        assert.equal(err.param, 'temperature');
      });
    });

    it('anthropic: a missing max_tokens is BadRequestError 400', async () => {
      const label = 'messages.create without max_tokens';
      const err = await expectThrows(label, () =>
        anthropic.messages.create({ model: ANTHROPIC_MODEL, messages: HELLO }));
      expectFrom(label, err, () => {
        assertAnthropicError(err, 400, 'BadRequestError');
        assert.equal(err.type, 'invalid_request_error');
      });
    });

    it('ai SDK: a wrong key is a non-retryable APICallError 401', async () => {
      const label = 'generateText(@ai-sdk/openai chat) with a wrong key';
      const model = createOpenAI({ baseURL: mock.openaiBaseURL, apiKey: 'sk-wrong' }).chat(CHAT_MODEL);
      const err = await expectThrows(label, () => generateText({ model, prompt: 'Hi', maxRetries: 0 }));
      expectFrom(label, err, () => {
        assert.ok(APICallError.isInstance(err));
        assert.equal(err.statusCode, 401);
        assert.equal(err.isRetryable, false);
        assert.equal(JSON.parse(err.responseBody).error.code, 401);
      });
    });
  });

  describe('forced statuses map to the SDK error classes', () => {
    for (const status of [402, 403, 408, 429, 502, 503]) {
      it(`${status}: openai ${OPENAI_CLASSES[status]}, anthropic ${ANTHROPIC_CLASSES[status]}, ai SDK APICallError`, async () => {
        const label = `chat.completions.create with ${CONTROL}: status=${status}`;
        const err = await expectThrows(label, () => openai.chat.completions.create(CHAT, control(`status=${status}`)));
        expectFrom(label, err, () => assertOpenAIError(err, status, OPENAI_CLASSES[status]));

        const label2 = `responses.create with ${CONTROL}: status=${status}`;
        const err2 = await expectThrows(label2, () =>
          openai.responses.create({ model: CHAT_MODEL, input: 'Hi' }, control(`status=${status}`)));
        expectFrom(label2, err2, () => assertOpenAIError(err2, status, OPENAI_CLASSES[status]));

        const label3 = `messages.create with ${CONTROL}: status=${status}`;
        const err3 = await expectThrows(label3, () => anthropic.messages.create(MESSAGE, control(`status=${status}`)));
        expectFrom(label3, err3, () => assertAnthropicError(err3, status, ANTHROPIC_CLASSES[status]));

        const label4 = `messages.stream(...).finalMessage() with ${CONTROL}: status=${status}`;
        const err4 = await expectThrows(label4, () =>
          anthropic.messages.stream(MESSAGE, control(`status=${status}`)).finalMessage());
        expectFrom(label4, err4, () => assertAnthropicError(err4, status, ANTHROPIC_CLASSES[status]));

        for (const [name, model] of [
          ['@ai-sdk/openai chat', createOpenAI({ baseURL: mock.openaiBaseURL, apiKey: API_KEY }).chat(CHAT_MODEL)],
          ['@ai-sdk/anthropic', createAnthropic({ baseURL: `${mock.origin}/v1`, apiKey: API_KEY })(ANTHROPIC_MODEL)],
        ]) {
          const label5 = `generateText(${name}) with ${CONTROL}: status=${status}`;
          const err5 = await expectThrows(label5, () => generateText({
            model, prompt: 'Hi', maxRetries: 0, maxOutputTokens: 64, headers: { [CONTROL]: `status=${status}` },
          }));
          expectFrom(label5, err5, () => {
            assert.ok(APICallError.isInstance(err5), 'an APICallError');
            assert.equal(err5.statusCode, status);
            assert.equal(err5.isRetryable, RETRYABLE.has(status));
            const body = JSON.parse(err5.responseBody);
            assert.equal(err5.message, body.error.message, 'the message is the body\'s error.message');
          });
        }
      });
    }
  });

  describe('retries', { concurrency: true }, () => {
    /** Clients whose every request (with its time and retry count) is recorded. */
    function recordedClients() {
      const recorder = recordingFetch();
      return {
        requests: recorder.requests,
        openai: new OpenAI({ apiKey: API_KEY, baseURL: mock.openaiBaseURL, fetch: recorder.fetch }),
        anthropic: new Anthropic({ apiKey: API_KEY, baseURL: mock.anthropicBaseURL, fetch: recorder.fetch }),
      };
    }

    function assertRetriedAfter(requests, count) {
      assert.equal(requests.length, count, `${count} requests (the SDK's default maxRetries is 2)`);
      assert.deepEqual(requests.map((r) => r.headers['x-stainless-retry-count']),
        requests.map((_, i) => String(i)), 'x-stainless-retry-count counts the attempts');
      for (let i = 1; i < requests.length; i++) {
        const gap = requests[i].at - requests[i - 1].at;
        assert.ok(gap >= RETRY_AFTER_1_MS, `retry ${i} came ${gap} ms after the previous attempt; retry-after said 1 s`);
      }
    }

    it('openai: 429 with retry-after: 1 is retried twice, one second apart', async () => {
      const { requests, openai: client } = recordedClients();
      const label = `chat.completions.create with ${CONTROL}: status=429;retry-after=1 (default maxRetries)`;
      const err = await expectThrows(label, () => client.chat.completions.create(CHAT, control('status=429;retry-after=1')));
      expectFrom(label, { err, requests }, () => {
        assert.equal(err.constructor.name, 'RateLimitError');
        assertRetriedAfter(requests, 3);
      });
    });

    it('anthropic: 429 with retry-after: 1 is retried twice, one second apart', async () => {
      const { requests, anthropic: client } = recordedClients();
      const label = `messages.create with ${CONTROL}: status=429;retry-after=1 (default maxRetries)`;
      const err = await expectThrows(label, () => client.messages.create(MESSAGE, control('status=429;retry-after=1')));
      expectFrom(label, { err, requests }, () => {
        assert.equal(err.constructor.name, 'RateLimitError');
        assertRetriedAfter(requests, 3);
      });
    });

    it('ai SDK: 503 with retry-after: 1 is retried after a second, then a RetryError', async () => {
      const recorder = recordingFetch();
      const model = createOpenAI({ baseURL: mock.openaiBaseURL, apiKey: API_KEY, fetch: recorder.fetch }).chat(CHAT_MODEL);
      const label = `generateText(@ai-sdk/openai chat, maxRetries: 1) with ${CONTROL}: status=503;retry-after=1`;
      const err = await expectThrows(label, () => generateText({
        model, prompt: 'Hi', maxRetries: 1, headers: { [CONTROL]: 'status=503;retry-after=1' },
      }));
      const { requests } = recorder;
      expectFrom(label, { err, requests }, () => {
        assert.ok(RetryError.isInstance(err), 'a RetryError');
        assert.equal(err.reason, 'maxRetriesExceeded');
        assert.equal(err.lastError.statusCode, 503);
        assert.equal(requests.length, 2);
        // The AI SDK's own first delay is 2 s; retry-after: 1 shortens it.
        assert.ok(requests[1].at - requests[0].at >= RETRY_AFTER_1_MS);
      });
    });

    for (const sdk of ['openai', 'anthropic']) {
      it(`${sdk}: x-should-retry: false stops the retries of a 503`, async () => {
        const clients = recordedClients();
        const label = `${sdk} call with ${CONTROL}: status=503;should-retry=false (default maxRetries)`;
        const err = await expectThrows(label, () => (sdk === 'openai'
          ? clients.openai.chat.completions.create(CHAT, control('status=503;should-retry=false'))
          : clients.anthropic.messages.create(MESSAGE, control('status=503;should-retry=false'))));
        expectFrom(label, { err, requests: clients.requests }, () => {
          assert.equal(err.status, 503);
          assert.equal(clients.requests.length, 1, 'no retry');
        });
      });

      it(`${sdk}: x-should-retry: true retries a 400`, async () => {
        const clients = recordedClients();
        const label = `${sdk} call with ${CONTROL}: status=400;should-retry=true;retry-after=1 (maxRetries: 1)`;
        const directive = control('status=400;should-retry=true;retry-after=1');
        const err = await expectThrows(label, () => (sdk === 'openai'
          ? clients.openai.chat.completions.create(CHAT, { ...directive, maxRetries: 1 })
          : clients.anthropic.messages.create(MESSAGE, { ...directive, maxRetries: 1 })));
        expectFrom(label, { err, requests: clients.requests }, () => {
          assert.equal(err.status, 400);
          assert.equal(clients.requests.length, 2, 'one retry');
        });
      });
    }
  });

  describe('errors inside a stream after HTTP 200', () => {
    const FAULT = 'fault=error;after=2;code=502';

    it('openai chat: the error chunk throws APIError while iterating', async () => {
      const label = `chat.completions.create({stream: true}) with ${CONTROL}: ${FAULT}`;
      const chunks = [];
      const err = await expectThrows(label, async () => {
        const stream = await openai.chat.completions.create({ ...CHAT, stream: true }, control(FAULT));
        for await (const chunk of stream) chunks.push(chunk);
        return chunks;
      });
      expectFrom(label, { err, chunks }, () => {
        assert.ok(err instanceof OpenAI.APIError, 'an APIError');
        assert.ok(typeof err.message === 'string' && err.message.length > 0);
        assert.ok(chunks.length > 0, 'the chunks before the error arrived');
      });
    });

    it('openai responses: the error event throws APIError from the stream helper', async () => {
      const label = `responses.stream(...).finalResponse() with ${CONTROL}: ${FAULT}`;
      const err = await expectThrows(label, () =>
        openai.responses.stream({ model: CHAT_MODEL, input: 'Hi' }, control(FAULT)).finalResponse());
      expectFrom(label, err, () => {
        assert.ok(err instanceof OpenAI.APIError, 'an APIError');
        assert.ok(typeof err.message === 'string' && err.message.length > 0);
      });
    });

    it('anthropic: event: error throws APIError with the error type', async () => {
      const label = `messages.stream(...).finalMessage() with ${CONTROL}: ${FAULT}`;
      const err = await expectThrows(label, () => anthropic.messages.stream(MESSAGE, control(FAULT)).finalMessage());
      expectFrom(label, err, () => {
        assert.ok(err instanceof Anthropic.APIError, 'an APIError');
        assert.ok(ANTHROPIC_TYPES.includes(err.type), `type ${err.type} is an Anthropic error type`);
      });
    });
  });
});
