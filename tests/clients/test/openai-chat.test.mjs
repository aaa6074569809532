// The official `openai` SDK's chat completions API against siraya-mock (reference:
// chat-completions.md; the stream helper's failure modes are its §9).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import OpenAI from 'openai';
import { zodResponseFormat, zodFunction } from 'openai/helpers/zod';
import { z } from 'zod';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, collect, expectFrom } from './support/expect.mjs';
import { CHAT_MODEL, CHAT_WEATHER_TOOL, PNG_DATA_URL, WEATHER_RESULT } from './support/fixtures.mjs';

const HELLO = [{ role: 'user', content: 'Say hello in one short sentence.' }];
const FORCE_WEATHER = { type: 'function', function: { name: 'get_weather' } };

/** The checks every successful, text-only completion passes. */
function assertTextCompletion(completion) {
  assert.equal(completion.object, 'chat.completion');
  assert.equal(typeof completion.id, 'string');
  assert.ok(Number.isInteger(completion.created), 'created is integer seconds');
  assert.equal(completion.choices.length, 1);
  const [choice] = completion.choices;
  assert.equal(choice.index, 0);
  assert.equal(choice.message.role, 'assistant');
  assert.equal(typeof choice.message.content, 'string');
  assert.ok(choice.message.content.length > 0, 'content is not empty');
  assert.equal(choice.finish_reason, 'stop');
}

function assertUsage(usage) {
  assert.ok(usage, 'usage is present');
  for (const key of ['prompt_tokens', 'completion_tokens', 'total_tokens']) {
    assert.ok(Number.isInteger(usage[key]) && usage[key] >= 0, `usage.${key} is a non-negative integer`);
  }
  assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
}

function assertWeatherCall(toolCall) {
  assert.equal(toolCall.type, 'function');
  assert.equal(typeof toolCall.id, 'string');
  assert.ok(toolCall.id.length > 0);
  assert.equal(toolCall.function.name, 'get_weather');
  const args = JSON.parse(toolCall.function.arguments);
  assert.equal(typeof args.city, 'string');
  assert.ok(['celsius', 'fahrenheit'].includes(args.unit), `unit ${args.unit} is from the enum`);
}

describe('openai SDK: chat completions', () => {
  let mock;
  let client;
  before(async () => {
    mock = await startMock();
    client = new OpenAI({ apiKey: API_KEY, baseURL: mock.openaiBaseURL, maxRetries: 0 });
  });
  after(() => mock?.stop());

  it('create returns a text completion with usage and the request id', async () => {
    const label = 'chat.completions.create(...).withResponse()';
    const { data, response, request_id: requestId } = await call(label, () =>
      client.chat.completions.create({ model: CHAT_MODEL, messages: HELLO }).withResponse());
    expectFrom(label, data, (completion) => {
      assertTextCompletion(completion);
      assertUsage(completion.usage);
      assert.equal(response.status, 200);
      assert.equal(typeof requestId, 'string', 'request_id comes from x-request-id');
      assert.ok(requestId.length > 0);
    });
  });

  it('stream: true iterates chunks that add up to one message', async () => {
    const label = 'chat.completions.create({stream: true, stream_options: {include_usage: true}})';
    const stream = await call(label, () => client.chat.completions.create({
      model: CHAT_MODEL, messages: HELLO, stream: true, stream_options: { include_usage: true },
    }));
    const chunks = await collect(label, stream);
    expectFrom(label, chunks, () => {
      assert.ok(chunks.length >= 3, 'role chunk, content and finish chunks');
      for (const chunk of chunks) {
        assert.equal(chunk.object, 'chat.completion.chunk');
        assert.equal(chunk.id, chunks[0].id, 'the same id in every chunk');
        assert.ok(Array.isArray(chunk.choices), 'choices in every chunk');
      }
      assert.equal(chunks[0].choices[0].delta.role, 'assistant');
      const text = chunks.flatMap((c) => c.choices).map((c) => c.delta.content ?? '').join('');
      assert.ok(text.length > 0, 'the deltas carry text');
      const finishes = chunks.flatMap((c) => c.choices).filter((c) => c.finish_reason !== null);
      assert.deepEqual(finishes.map((c) => c.finish_reason), ['stop']);
      const last = chunks.at(-1);
      assert.deepEqual(last.choices, [], 'the usage chunk has no choices');
      assertUsage(last.usage);
    });
  });

  it('the stream helper emits content events and a final completion equal to the buffered one', async () => {
    const label = 'chat.completions.stream(...).finalChatCompletion()';
    const buffered = await call('chat.completions.create', () =>
      client.chat.completions.create({ model: CHAT_MODEL, messages: HELLO }));
    const deltas = [];
    const stream = client.chat.completions.stream({
      model: CHAT_MODEL, messages: HELLO, stream_options: { include_usage: true },
    });
    stream.on('content', (delta) => deltas.push(delta));
    const final = await call(label, () => stream.finalChatCompletion());
    expectFrom(label, final, () => {
      assertTextCompletion(final);
      assert.equal(final.choices[0].message.content, deltas.join(''), 'the content events add up');
      assert.equal(final.choices[0].message.content, buffered.choices[0].message.content,
        'streamed and buffered answers to one request agree');
      assertUsage(final.usage);
    });
  });

  it('tools: a forced call, then the tool result round trip', async () => {
    const label = 'chat.completions.create({tools, tool_choice: get_weather})';
    const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const first = await call(label, () => client.chat.completions.create({
      model: CHAT_MODEL, messages, tools: [CHAT_WEATHER_TOOL], tool_choice: FORCE_WEATHER,
    }));
    expectFrom(label, first, () => {
      const [choice] = first.choices;
      assert.equal(choice.finish_reason, 'tool_calls');
      assert.equal(choice.message.tool_calls.length, 1);
      assertWeatherCall(choice.message.tool_calls[0]);
    });

    const message = first.choices[0].message;
    const followUp = [...messages, message,
      { role: 'tool', tool_call_id: message.tool_calls[0].id, content: WEATHER_RESULT }];
    const label2 = 'chat.completions.create(messages + assistant tool_calls + tool result)';
    const second = await call(label2, () => client.chat.completions.create({
      model: CHAT_MODEL, messages: followUp, tools: [CHAT_WEATHER_TOOL],
    }));
    expectFrom(label2, second, () => assertTextCompletion(second));
  });

  it('tools, streamed: the helper assembles the call and the round trip streams text', async () => {
    const label = 'chat.completions.stream({tools, tool_choice}).finalChatCompletion()';
    const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
    const stream = client.chat.completions.stream({
      model: CHAT_MODEL, messages, tools: [CHAT_WEATHER_TOOL], tool_choice: FORCE_WEATHER,
    });
    const argumentsDone = [];
    stream.on('tool_calls.function.arguments.done', (event) => argumentsDone.push(event));
    const final = await call(label, () => stream.finalChatCompletion());
    expectFrom(label, { final, argumentsDone }, () => {
      const [choice] = final.choices;
      assert.equal(choice.finish_reason, 'tool_calls');
      assert.equal(choice.message.tool_calls.length, 1);
      assertWeatherCall(choice.message.tool_calls[0]);
      assert.equal(argumentsDone.length, 1, 'one tool_calls.function.arguments.done event');
      assert.equal(argumentsDone[0].name, 'get_weather');
      // A strict function tool is auto-parsable: the helper parses the arguments itself.
      assert.deepEqual(argumentsDone[0].parsed_arguments, JSON.parse(choice.message.tool_calls[0].function.arguments));
    });

    const message = final.choices[0].message;
    const label2 = 'chat.completions.stream(tool result).finalChatCompletion()';
    const second = client.chat.completions.stream({
      model: CHAT_MODEL,
      messages: [...messages, { role: 'assistant', content: null, tool_calls: message.tool_calls },
        { role: 'tool', tool_call_id: message.tool_calls[0].id, content: WEATHER_RESULT }],
      tools: [CHAT_WEATHER_TOOL],
    });
    const text = await call(label2, () => second.finalContent());
    expectFrom(label2, text, () => assert.ok(typeof text === 'string' && text.length > 0));
  });

  it('runTools drives the whole tool loop through the SDK', async () => {
    const label = 'chat.completions.runTools(...).finalContent()';
    const calls = [];
    const runner = client.chat.completions.runTools({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'Use get_weather to tell me the weather in Paris.' }],
      tools: [{
        type: 'function',
        function: {
          name: 'get_weather',
          description: CHAT_WEATHER_TOOL.function.description,
          parameters: CHAT_WEATHER_TOOL.function.parameters,
          parse: JSON.parse,
          function: (args) => { calls.push(args); return WEATHER_RESULT; },
        },
      }],
      tool_choice: 'auto',
    }, { maxChatCompletions: 4 });
    const content = await call(label, () => runner.finalContent());
    expectFrom(label, { content, calls, messages: runner.messages }, () => {
      assert.equal(calls.length, 1, 'the tool ran once');
      assert.equal(typeof calls[0].city, 'string');
      assert.ok(typeof content === 'string' && content.length > 0, 'a final text answer');
      assert.equal(runner.messages.filter((m) => m.role === 'tool').length, 1);
    });
  });

  it('structured output: response_format json_schema yields JSON matching the schema', async () => {
    const label = 'chat.completions.create({response_format: json_schema})';
    const completion = await call(label, () => client.chat.completions.create({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'Describe Paris as JSON.' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'city',
          strict: true,
          schema: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              population: { type: 'integer' },
              landmarks: { type: 'array', items: { type: 'string' } },
              capital: { type: 'boolean' },
            },
            required: ['name', 'population', 'landmarks', 'capital'],
            additionalProperties: false,
          },
        },
      },
    }));
    expectFrom(label, completion, () => {
      assert.equal(completion.choices[0].finish_reason, 'stop');
      const city = JSON.parse(completion.choices[0].message.content);
      assert.equal(typeof city.name, 'string');
      assert.ok(Number.isInteger(city.population));
      assert.ok(Array.isArray(city.landmarks) && city.landmarks.every((l) => typeof l === 'string'));
      assert.equal(typeof city.capital, 'boolean');
      assert.deepEqual(Object.keys(city).sort(), ['capital', 'landmarks', 'name', 'population']);
    });
  });

  const City = z.object({
    name: z.string(),
    country: z.string(),
    population: z.number().int(),
    districts: z.array(z.object({ name: z.string(), arrondissement: z.number().int() })),
    climate: z.enum(['oceanic', 'continental', 'mediterranean']),
    mayor: z.string().nullable(),
  });

  it('parse with zodResponseFormat returns a parsed object that passes the zod schema', async () => {
    const label = "chat.completions.parse({response_format: zodResponseFormat(City, 'city')})";
    const completion = await call(label, () => client.chat.completions.parse({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'Describe Paris.' }],
      response_format: zodResponseFormat(City, 'city'),
    }));
    expectFrom(label, completion, () => {
      const { message } = completion.choices[0];
      assert.ok(message.parsed, 'message.parsed is set');
      assert.deepEqual(City.parse(message.parsed), message.parsed);
      assert.deepEqual(message.parsed, JSON.parse(message.content));
    });
  });

  it('the stream helper parses a zod response format and zod function arguments', async () => {
    const label = 'chat.completions.stream({response_format: zodResponseFormat}).finalChatCompletion()';
    const final = await call(label, () => client.chat.completions.stream({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'Describe Paris.' }],
      response_format: zodResponseFormat(City, 'city'),
    }).finalChatCompletion());
    expectFrom(label, final, () => {
      assert.deepEqual(City.parse(final.choices[0].message.parsed), final.choices[0].message.parsed);
    });

    const Weather = z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) });
    const label2 = "chat.completions.parse({tools: [zodFunction({name: 'get_weather'})]})";
    const parsed = await call(label2, () => client.chat.completions.parse({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [zodFunction({ name: 'get_weather', parameters: Weather })],
      tool_choice: FORCE_WEATHER,
    }));
    expectFrom(label2, parsed, () => {
      const [toolCall] = parsed.choices[0].message.tool_calls;
      assert.deepEqual(Weather.parse(toolCall.function.parsed_arguments), toolCall.function.parsed_arguments);
    });
  });

  it('image input: a text part and a data-URL image part get a text answer', async () => {
    const label = 'chat.completions.create({content: [text, image_url]})';
    const completion = await call(label, () => client.chat.completions.create({
      model: CHAT_MODEL,
      messages: [{
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          { type: 'image_url', image_url: { url: PNG_DATA_URL, detail: 'low' } },
        ],
      }],
    }));
    expectFrom(label, completion, () => assertTextCompletion(completion));
  });

  it('prefill: a trailing assistant message is continued, not echoed', async () => {
    const prefix = 'The capital of France is';
    const label = 'chat.completions.create({messages: [..., {role: assistant, content: prefix}]})';
    const completion = await call(label, () => client.chat.completions.create({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'What is the capital of France?' }, { role: 'assistant', content: prefix }],
    }));
    expectFrom(label, completion, () => {
      assertTextCompletion(completion);
      assert.ok(!completion.choices[0].message.content.startsWith(prefix), 'the prefix is not repeated');
    });
  });
});
