// The official `@anthropic-ai/sdk` against siraya-mock's POST /v1/messages (reference: messages.md;
// the accumulator's failure modes are its §8, the auth headers README §2).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import Anthropic, { AuthenticationError } from '@anthropic-ai/sdk';
import AnthropicV0 from 'anthropic-sdk-v0';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, collect, expectFrom, expectThrows, recordingFetch } from './support/expect.mjs';
import { ANTHROPIC_MODEL, ANTHROPIC_WEATHER_TOOL, PNG_BASE64, WEATHER_RESULT } from './support/fixtures.mjs';

const HELLO = [{ role: 'user', content: 'Say hello in one short sentence.' }];
const FORCE_WEATHER = { type: 'tool', name: 'get_weather' };
const WEATHER_QUESTION = [{ role: 'user', content: 'What is the weather in Paris?' }];

function assertMessage(message, stopReason) {
  assert.equal(message.type, 'message');
  assert.equal(message.role, 'assistant');
  assert.equal(typeof message.id, 'string');
  assert.equal(message.stop_reason, stopReason);
  assert.ok(Number.isInteger(message.usage.input_tokens) && message.usage.input_tokens >= 0);
  assert.ok(Number.isInteger(message.usage.output_tokens) && message.usage.output_tokens > 0);
}

function textOf(message) {
  return message.content.filter((block) => block.type === 'text').map((block) => block.text).join('');
}

function assertTextMessage(message) {
  assertMessage(message, 'end_turn');
  assert.ok(message.content.length > 0 && message.content.every((block) => block.type === 'text'), 'text blocks only');
  assert.ok(textOf(message).length > 0, 'the text is not empty');
}

function assertWeatherToolUse(message) {
  assertMessage(message, 'tool_use');
  const uses = message.content.filter((block) => block.type === 'tool_use');
  assert.equal(uses.length, 1, 'one tool_use block');
  const [use] = uses;
  assert.equal(use.name, 'get_weather');
  assert.ok(typeof use.id === 'string' && use.id.length > 0);
  assert.equal(typeof use.input, 'object', 'input is an object, not a string');
  assert.equal(typeof use.input.city, 'string');
  assert.ok(['celsius', 'fahrenheit'].includes(use.input.unit));
  return use;
}

/** The follow-up turn of a tool round trip: the assistant turn unchanged, then the tool_result. */
function withToolResult(messages, assistant, use) {
  return [...messages,
    { role: 'assistant', content: assistant.content },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: WEATHER_RESULT }] }];
}

describe('@anthropic-ai/sdk: messages', () => {
  let mock;
  let client;
  before(async () => {
    mock = await startMock();
    client = new Anthropic({ apiKey: API_KEY, baseURL: mock.anthropicBaseURL, maxRetries: 0 });
  });
  after(() => mock?.stop());

  it('create returns a text message with usage and the request id', async () => {
    const label = 'messages.create(...).withResponse()';
    const { data, request_id: requestId } = await call(label, () =>
      client.messages.create({ model: ANTHROPIC_MODEL, max_tokens: 256, messages: HELLO }).withResponse());
    expectFrom(label, data, () => {
      assertTextMessage(data);
      assert.ok(typeof requestId === 'string' && requestId.length > 0, 'request_id comes from request-id');
    });
  });

  it('create with system, an image block and a prefill', async () => {
    const prefix = 'The picture shows';
    const label = 'messages.create({system, content: [text, image], assistant prefill})';
    const message = await call(label, () => client.messages.create({
      model: ANTHROPIC_MODEL,
      max_tokens: 256,
      system: 'Answer briefly.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is in this picture?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
          ],
        },
        { role: 'assistant', content: prefix },
      ],
    }));
    expectFrom(label, message, () => {
      assertTextMessage(message);
      assert.ok(!textOf(message).startsWith(prefix), 'the prefill is continued, not repeated');
    });
  });

  it('stream: true iterates the event grammar from message_start to message_stop', async () => {
    const label = 'messages.create({stream: true})';
    const stream = await call(label, () =>
      client.messages.create({ model: ANTHROPIC_MODEL, max_tokens: 256, messages: HELLO, stream: true }));
    const events = await collect(label, stream);
    expectFrom(label, events.map((e) => e.type), () => {
      assert.equal(events[0].type, 'message_start');
      assert.equal(events.at(-1).type, 'message_stop');
      assert.equal(events.at(-2).type, 'message_delta');
      assert.equal(events.at(-2).delta.stop_reason, 'end_turn');
      const text = events.filter((e) => e.type === 'content_block_delta').map((e) => e.delta.text).join('');
      assert.ok(text.length > 0);
    });
  });

  it('the stream helper emits text events and a final message equal to the buffered one', async () => {
    const label = 'messages.stream(...).finalMessage()';
    const request = { model: ANTHROPIC_MODEL, max_tokens: 256, messages: HELLO };
    const buffered = await call('messages.create', () => client.messages.create(request));
    const deltas = [];
    const stream = client.messages.stream(request);
    stream.on('text', (delta) => deltas.push(delta));
    const final = await call(label, () => stream.finalMessage());
    expectFrom(label, final, () => {
      assertTextMessage(final);
      assert.equal(textOf(final), deltas.join(''), 'the text events add up');
      assert.equal(textOf(final), textOf(buffered), 'streamed and buffered answers to one request agree');
      assert.equal(final.usage.output_tokens, buffered.usage.output_tokens);
    });
    const text = await call('messages.stream(...).finalText()', () => client.messages.stream(request).finalText());
    assert.equal(text, textOf(buffered), 'finalText() is the message text');
  });

  it('tool use: a forced tool_use block, then the tool_result round trip', async () => {
    const label = "messages.create({tools, tool_choice: {type: 'tool'}})";
    const first = await call(label, () => client.messages.create({
      model: ANTHROPIC_MODEL, max_tokens: 512, messages: WEATHER_QUESTION,
      tools: [ANTHROPIC_WEATHER_TOOL], tool_choice: FORCE_WEATHER,
    }));
    let use;
    expectFrom(label, first, () => { use = assertWeatherToolUse(first); });

    const label2 = 'messages.create(assistant tool_use + user tool_result)';
    const second = await call(label2, () => client.messages.create({
      model: ANTHROPIC_MODEL, max_tokens: 512, messages: withToolResult(WEATHER_QUESTION, first, use),
      tools: [ANTHROPIC_WEATHER_TOOL],
    }));
    expectFrom(label2, second, () => assertTextMessage(second));
  });

  it('tool use, streamed: input_json deltas build the input object; the round trip streams text', async () => {
    const label = "messages.stream({tools, tool_choice: {type: 'tool'}}).finalMessage()";
    const stream = client.messages.stream({
      model: ANTHROPIC_MODEL, max_tokens: 512, messages: WEATHER_QUESTION,
      tools: [ANTHROPIC_WEATHER_TOOL], tool_choice: FORCE_WEATHER,
    });
    const fragments = [];
    stream.on('inputJson', (partial) => fragments.push(partial));
    const final = await call(label, () => stream.finalMessage());
    let use;
    expectFrom(label, { final, fragments }, () => {
      use = assertWeatherToolUse(final);
      assert.deepEqual(JSON.parse(fragments.join('')), use.input, 'the partial_json fragments add up');
    });

    const label2 = 'messages.stream(assistant tool_use + user tool_result).finalMessage()';
    const second = await call(label2, () => client.messages.stream({
      model: ANTHROPIC_MODEL, max_tokens: 512, messages: withToolResult(WEATHER_QUESTION, final, use),
      tools: [ANTHROPIC_WEATHER_TOOL],
    }).finalMessage());
    expectFrom(label2, second, () => assertTextMessage(second));
  });

  it('thinking: a signed thinking block before the text, buffered, streamed and sent back', async () => {
    const request = {
      model: ANTHROPIC_MODEL, max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 1024 },
      messages: [{ role: 'user', content: 'What are the three smallest primes?' }],
    };
    const assertThinking = (message) => {
      assertMessage(message, 'end_turn');
      const [thinking, ...rest] = message.content;
      assert.equal(thinking.type, 'thinking');
      assert.ok(thinking.thinking.length > 0, 'thinking text');
      assert.ok(typeof thinking.signature === 'string' && thinking.signature.length > 0, 'a signature');
      assert.ok(rest.length > 0 && rest.every((block) => block.type === 'text'), 'text after the thinking block');
    };
    const label = "messages.create({thinking: {type: 'enabled', budget_tokens: 1024}})";
    const buffered = await call(label, () => client.messages.create(request));
    expectFrom(label, buffered, () => assertThinking(buffered));

    const label2 = 'messages.stream({thinking}).finalMessage()';
    const thinkingDeltas = [];
    const signatures = [];
    const stream = client.messages.stream(request);
    stream.on('thinking', (delta) => thinkingDeltas.push(delta));
    stream.on('signature', (signature) => signatures.push(signature));
    const final = await call(label2, () => stream.finalMessage());
    expectFrom(label2, { final, thinkingDeltas, signatures }, () => {
      assertThinking(final);
      assert.equal(final.content[0].thinking, thinkingDeltas.join(''), 'the thinking deltas add up');
      assert.deepEqual(signatures, [final.content[0].signature], 'one signature_delta');
    });

    // Thinking blocks go back unmodified in the next turn (messages.md §5.2).
    const label3 = 'messages.create(assistant turn with the thinking block echoed)';
    const next = await call(label3, () => client.messages.create({
      ...request,
      messages: [...request.messages, { role: 'assistant', content: final.content },
        { role: 'user', content: 'And the next one?' }],
    }));
    expectFrom(label3, next, () => assertThinking(next));
  });

  describe('auth headers', () => {
    /** Sends one request through `makeClient(fetch)` and returns the message and the sent headers. */
    async function sendWith(label, makeClient) {
      const recorder = recordingFetch();
      const sdk = makeClient(recorder.fetch);
      const message = await call(label, () => sdk.messages.create({ model: ANTHROPIC_MODEL, max_tokens: 256, messages: HELLO }));
      assert.equal(recorder.requests.length, 1);
      return { message, headers: recorder.requests[0].headers };
    }

    it('apiKey on the 1.x SDK: Authorization: Bearer', async () => {
      const label = 'new Anthropic({apiKey}).messages.create';
      const { message, headers } = await sendWith(label, (fetch) =>
        new Anthropic({ apiKey: API_KEY, baseURL: mock.anthropicBaseURL, fetch, maxRetries: 0 }));
      expectFrom(label, { message, headers }, () => {
        assertTextMessage(message);
        assert.equal(headers.authorization, `Bearer ${API_KEY}`);
        assert.equal(headers['x-api-key'], undefined);
        assert.ok(headers['anthropic-version'], 'anthropic-version is sent');
      });
    });

    it('apiKey on the 0.x SDK: x-api-key', async () => {
      const label = 'new Anthropic@0.x({apiKey}).messages.create';
      const { message, headers } = await sendWith(label, (fetch) =>
        new AnthropicV0({ apiKey: API_KEY, baseURL: mock.anthropicBaseURL, fetch, maxRetries: 0 }));
      expectFrom(label, { message, headers }, () => {
        assertTextMessage(message);
        assert.equal(headers['x-api-key'], API_KEY);
        assert.equal(headers.authorization, undefined);
      });
    });

    it('authToken: Authorization: Bearer', async () => {
      const label = 'new Anthropic({authToken}).messages.create';
      const { message, headers } = await sendWith(label, (fetch) =>
        new Anthropic({ authToken: API_KEY, baseURL: mock.anthropicBaseURL, fetch, maxRetries: 0 }));
      expectFrom(label, { message, headers }, () => {
        assertTextMessage(message);
        assert.equal(headers.authorization, `Bearer ${API_KEY}`);
      });
    });

    for (const [name, makeClient] of [
      ['apiKey (1.x, Bearer)', (baseURL) => new Anthropic({ apiKey: 'sk-wrong', baseURL, maxRetries: 0 })],
      ['apiKey (0.x, x-api-key)', (baseURL) => new AnthropicV0({ apiKey: 'sk-wrong', baseURL, maxRetries: 0 })],
      ['authToken', (baseURL) => new Anthropic({ authToken: 'sk-wrong', baseURL, maxRetries: 0 })],
    ]) {
      it(`a wrong ${name} is an AuthenticationError with type authentication_error`, async () => {
        const label = `messages.create with a wrong ${name}`;
        const err = await expectThrows(label, () =>
          makeClient(mock.anthropicBaseURL).messages.create({ model: ANTHROPIC_MODEL, max_tokens: 64, messages: HELLO }));
        expectFrom(label, err, () => {
          assert.equal(err.status, 401);
          assert.equal(err.constructor.name, 'AuthenticationError');
          if (name.startsWith('apiKey (1.x') || name === 'authToken') assert.ok(err instanceof AuthenticationError);
          assert.equal(err.type, 'authentication_error');
          assert.equal(err.error?.type, 'error', 'the Anthropic-shaped body');
          assert.ok(typeof err.requestID === 'string' && err.requestID.length > 0, 'requestID from request-id');
        });
      });
    }
  });
});
