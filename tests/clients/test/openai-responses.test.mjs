// The official `openai` SDK's Responses API against siraya-mock (reference: responses.md; what
// breaks the stream accumulator is its §8).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import OpenAI from 'openai';
import { zodTextFormat } from 'openai/helpers/zod';
import { z } from 'zod';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, collect, expectFrom } from './support/expect.mjs';
import { CHAT_MODEL, PNG_DATA_URL, RESPONSES_WEATHER_TOOL, WEATHER_RESULT } from './support/fixtures.mjs';

const HELLO = 'Say hello in one short sentence.';

function assertCompletedResponse(response) {
  assert.equal(response.object, 'response');
  assert.equal(typeof response.id, 'string');
  assert.equal(response.status, 'completed');
  assert.equal(response.error, null);
  assert.ok(Number.isInteger(response.created_at), 'created_at is integer seconds');
  assert.ok(Array.isArray(response.output) && response.output.length > 0, 'output is not empty');
  const { usage } = response;
  assert.ok(usage, 'usage is present');
  for (const key of ['input_tokens', 'output_tokens', 'total_tokens']) {
    assert.ok(Number.isInteger(usage[key]) && usage[key] >= 0, `usage.${key} is a non-negative integer`);
  }
  assert.equal(usage.total_tokens, usage.input_tokens + usage.output_tokens);
}

/** `viaSdk`: the SDK added its output_text convenience (not on the raw stream's event payloads). */
function assertTextResponse(response, { viaSdk = true } = {}) {
  assertCompletedResponse(response);
  const message = response.output.find((item) => item.type === 'message');
  assert.ok(message, 'a message item');
  assert.equal(message.role, 'assistant');
  assert.equal(message.content[0].type, 'output_text');
  assert.ok(message.content[0].text.length > 0, 'the output_text part is not empty');
  if (!viaSdk) return;
  // output_text is the SDK's own concatenation of the output_text parts.
  assert.equal(response.output_text, message.content.map((part) => part.text).join(''));
}

function weatherCall(response) {
  const calls = response.output.filter((item) => item.type === 'function_call');
  assert.equal(calls.length, 1, 'one function_call item');
  const [fc] = calls;
  assert.equal(fc.name, 'get_weather');
  assert.ok(typeof fc.call_id === 'string' && fc.call_id.length > 0, 'a call_id');
  const args = JSON.parse(fc.arguments);
  assert.equal(typeof args.city, 'string');
  assert.ok(['celsius', 'fahrenheit'].includes(args.unit));
  return fc;
}

describe('openai SDK: responses', () => {
  let mock;
  let client;
  before(async () => {
    mock = await startMock();
    client = new OpenAI({ apiKey: API_KEY, baseURL: mock.openaiBaseURL, maxRetries: 0 });
  });
  after(() => mock?.stop());

  it('create returns a completed response with output_text', async () => {
    const label = 'responses.create({input: string})';
    const response = await call(label, () => client.responses.create({ model: CHAT_MODEL, input: HELLO }));
    expectFrom(label, response, () => assertTextResponse(response));
  });

  it('create accepts instructions, message items and an image part', async () => {
    const label = 'responses.create({instructions, input: [message with input_text + input_image]})';
    const response = await call(label, () => client.responses.create({
      model: CHAT_MODEL,
      instructions: 'Answer briefly.',
      input: [{
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_text', text: 'What is in this picture?' },
          { type: 'input_image', image_url: PNG_DATA_URL, detail: 'low' },
        ],
      }],
    }));
    expectFrom(label, response, () => {
      assertTextResponse(response);
      assert.equal(response.instructions, 'Answer briefly.');
    });
  });

  it('stream: true iterates the event lifecycle with consecutive sequence numbers', async () => {
    const label = 'responses.create({stream: true})';
    const stream = await call(label, () => client.responses.create({ model: CHAT_MODEL, input: HELLO, stream: true }));
    const events = await collect(label, stream);
    expectFrom(label, events.map((e) => e.type), () => {
      assert.equal(events[0].type, 'response.created');
      assert.equal(events.at(-1).type, 'response.completed');
      assert.deepEqual(events.map((e) => e.sequence_number), events.map((_, i) => i));
      const text = events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('');
      assert.ok(text.length > 0, 'output_text deltas');
      assertTextResponse(events.at(-1).response, { viaSdk: false });
    });
  });

  it('the stream helper emits text deltas and a final response equal to the buffered one', async () => {
    const label = 'responses.stream(...).finalResponse()';
    const buffered = await call('responses.create', () => client.responses.create({ model: CHAT_MODEL, input: HELLO }));
    const deltas = [];
    const stream = client.responses.stream({ model: CHAT_MODEL, input: HELLO });
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const final = await call(label, () => stream.finalResponse());
    expectFrom(label, final, () => {
      assertTextResponse(final);
      assert.equal(final.output_text, deltas.join(''), 'the delta events add up');
      assert.equal(final.output_text, buffered.output_text, 'streamed and buffered answers to one request agree');
    });
  });

  it('function tools: a required call, then the function_call_output round trip', async () => {
    const input = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const label = "responses.create({tools: [get_weather], tool_choice: 'required'})";
    const first = await call(label, () => client.responses.create({
      model: CHAT_MODEL, input, tools: [RESPONSES_WEATHER_TOOL], tool_choice: 'required',
    }));
    let fc;
    expectFrom(label, first, () => { assertCompletedResponse(first); fc = weatherCall(first); });

    const label2 = 'responses.create(input + function_call + function_call_output)';
    const second = await call(label2, () => client.responses.create({
      model: CHAT_MODEL,
      input: [...input, fc, { type: 'function_call_output', call_id: fc.call_id, output: WEATHER_RESULT }],
      tools: [RESPONSES_WEATHER_TOOL],
    }));
    expectFrom(label2, second, () => assertTextResponse(second));
  });

  it('function tools, streamed: argument events and the call in the final response', async () => {
    const label = "responses.stream({tools, tool_choice: {type: 'function', name}}).finalResponse()";
    const stream = client.responses.stream({
      model: CHAT_MODEL,
      input: 'What is the weather in Paris?',
      tools: [RESPONSES_WEATHER_TOOL],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    const argumentDeltas = [];
    const argumentsDone = [];
    stream.on('response.function_call_arguments.delta', (event) => argumentDeltas.push(event.delta));
    stream.on('response.function_call_arguments.done', (event) => argumentsDone.push(event));
    const final = await call(label, () => stream.finalResponse());
    expectFrom(label, { final, argumentsDone }, () => {
      assertCompletedResponse(final);
      const fc = weatherCall(final);
      assert.equal(argumentsDone.length, 1);
      assert.equal(argumentsDone[0].arguments, fc.arguments);
      assert.equal(argumentDeltas.join(''), fc.arguments, 'the argument deltas add up');
    });
  });

  it('parse with zodTextFormat returns output_parsed that passes the zod schema', async () => {
    const City = z.object({ name: z.string(), population: z.number().int(), landmarks: z.array(z.string()) });
    const label = "responses.parse({text: {format: zodTextFormat(City, 'city')}})";
    const response = await call(label, () => client.responses.parse({
      model: CHAT_MODEL, input: 'Describe Paris.', text: { format: zodTextFormat(City, 'city') },
    }));
    expectFrom(label, response, () => {
      assertCompletedResponse(response);
      assert.deepEqual(City.parse(response.output_parsed), response.output_parsed);
    });
  });

  it('reasoning summaries: a reasoning item with summary text, buffered and streamed', async () => {
    const request = {
      model: CHAT_MODEL, input: 'Why is the sky blue?', reasoning: { effort: 'low', summary: 'auto' },
    };
    const label = "responses.create({reasoning: {effort: 'low', summary: 'auto'}})";
    const buffered = await call(label, () => client.responses.create(request));
    expectFrom(label, buffered, () => {
      assertTextResponse(buffered);
      const reasoning = buffered.output.find((item) => item.type === 'reasoning');
      assert.ok(reasoning, 'a reasoning item');
      assert.ok(reasoning.summary.length > 0, 'with a summary');
      assert.equal(reasoning.summary[0].type, 'summary_text');
      assert.ok(reasoning.summary[0].text.length > 0);
      assert.ok(buffered.usage.output_tokens_details.reasoning_tokens > 0, 'reasoning tokens are counted');
    });

    const label2 = 'responses.stream({reasoning: {summary: auto}}).finalResponse()';
    const summaryDeltas = [];
    const stream = client.responses.stream(request);
    stream.on('response.reasoning_summary_text.delta', (event) => summaryDeltas.push(event.delta));
    const final = await call(label2, () => stream.finalResponse());
    expectFrom(label2, final, () => {
      assertTextResponse(final);
      const reasoning = final.output.find((item) => item.type === 'reasoning');
      assert.ok(reasoning, 'a reasoning item');
      assert.equal(reasoning.summary[0].text, summaryDeltas.join(''), 'the summary deltas add up');
    });
  });
});
