// The Vercel AI SDK (`ai`) through each provider package against siraya-mock: generateText and
// streamText, and a tool loop (call, execute, answer) in both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { generateText, stepCountIs, streamText, tool } from 'ai';
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createOpenResponses } from '@ai-sdk/open-responses';
import { z } from 'zod';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, describeError, expectFrom, preview } from './support/expect.mjs';
import { ANTHROPIC_MODEL, CHAT_MODEL, WEATHER_RESULT } from './support/fixtures.mjs';

// Each provider with how it is pointed at the mock (docs/sdk-compatibility.md).
const PROVIDERS = [
  ['@ai-sdk/openai chat', (mock) => createOpenAI({ baseURL: mock.openaiBaseURL, apiKey: API_KEY }).chat(CHAT_MODEL)],
  ['@ai-sdk/openai responses',
    (mock) => createOpenAI({ baseURL: mock.openaiBaseURL, apiKey: API_KEY }).responses(CHAT_MODEL)],
  ['@ai-sdk/openai-compatible',
    (mock) => createOpenAICompatible({ name: 'siraya', baseURL: mock.openaiBaseURL, apiKey: API_KEY, includeUsage: true })(
      CHAT_MODEL)],
  // @ai-sdk/anthropic appends "/messages" to its baseURL, so unlike @anthropic-ai/sdk it needs "/v1".
  ['@ai-sdk/anthropic', (mock) => createAnthropic({ baseURL: `${mock.origin}/v1`, apiKey: API_KEY })(ANTHROPIC_MODEL)],
  ['@ai-sdk/open-responses',
    (mock) => createOpenResponses({ name: 'siraya', url: `${mock.openaiBaseURL}/responses`, apiKey: API_KEY })(CHAT_MODEL)],
];

const PROMPT = 'Say hello in one short sentence.';
// maxOutputTokens explicitly: @ai-sdk/anthropic warns about unknown model ids without it.
const OPTIONS = { maxRetries: 0, maxOutputTokens: 512 };

function weatherTool(calls) {
  return tool({
    description: 'Current weather for a city',
    inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
    execute: async (input) => { calls.push(input); return JSON.parse(WEATHER_RESULT); },
  });
}

// Force the tool in the first step only, so the second step answers with text.
const FORCE_TOOL_FIRST = ({ stepNumber }) =>
  (stepNumber === 0 ? { toolChoice: { type: 'tool', toolName: 'get_weather' } } : { toolChoice: 'none' });

function assertUsage(usage) {
  assert.ok(Number.isInteger(usage.inputTokens) && usage.inputTokens >= 0, 'usage.inputTokens');
  assert.ok(Number.isInteger(usage.outputTokens) && usage.outputTokens > 0, 'usage.outputTokens');
}

/** Drains fullStream; an error part fails the test with what the SDK reported. */
async function drain(label, result) {
  const parts = [];
  for await (const part of result.fullStream) {
    if (part.type === 'error') {
      assert.fail(`${label} streamed an error part: ${describeError(part.error)}\nparts so far: ${preview(parts)}`);
    }
    parts.push(part);
  }
  return parts;
}

for (const [providerName, makeModel] of PROVIDERS) {
  describe(`ai SDK via ${providerName}`, () => {
    let mock;
    let model;
    before(async () => {
      mock = await startMock();
      model = makeModel(mock);
    });
    after(() => mock?.stop());

    it('generateText returns text, finishReason stop and usage', async () => {
      const label = `generateText(${providerName})`;
      const result = await call(label, () => generateText({ model, prompt: PROMPT, ...OPTIONS }));
      expectFrom(label, { text: result.text, finishReason: result.finishReason, usage: result.usage }, () => {
        assert.ok(typeof result.text === 'string' && result.text.length > 0, 'text');
        assert.equal(result.finishReason, 'stop');
        assertUsage(result.usage);
      });
    });

    it('streamText streams text deltas that add up to the text', async () => {
      const label = `streamText(${providerName})`;
      const result = streamText({ model, prompt: PROMPT, ...OPTIONS });
      const parts = await drain(label, result);
      const text = await call(`${label}.text`, () => result.text);
      const finishReason = await result.finishReason;
      const usage = await result.totalUsage;
      expectFrom(label, { parts: parts.map((p) => p.type), text, finishReason, usage }, () => {
        const deltas = parts.filter((p) => p.type === 'text-delta').map((p) => p.text);
        assert.ok(deltas.length > 0, 'text-delta parts');
        assert.equal(deltas.join(''), text);
        assert.ok(text.length > 0);
        assert.equal(finishReason, 'stop');
        assertUsage(usage);
      });
    });

    it('generateText runs a tool and answers with its result', async () => {
      const label = `generateText(${providerName}, tools, stopWhen: stepCountIs(3))`;
      const calls = [];
      const result = await call(label, () => generateText({
        model, prompt: 'What is the weather in Paris?', ...OPTIONS,
        tools: { get_weather: weatherTool(calls) }, prepareStep: FORCE_TOOL_FIRST, stopWhen: stepCountIs(3),
      }));
      const steps = result.steps.map((s) => ({ finishReason: s.finishReason, toolCalls: s.toolCalls, text: s.text }));
      expectFrom(label, steps, () => {
        assert.equal(result.steps.length, 2, 'a tool step and an answer step');
        assert.equal(result.steps[0].finishReason, 'tool-calls');
        assert.deepEqual(result.steps[0].toolCalls.map((c) => c.toolName), ['get_weather']);
        assert.equal(calls.length, 1, 'the tool ran once');
        assert.equal(typeof calls[0].city, 'string');
        assert.equal(result.steps[0].toolResults.length, 1);
        assert.equal(result.finishReason, 'stop');
        assert.ok(result.text.length > 0, 'a final text answer');
      });
    });

    it('streamText streams the tool call, its result and the answer', async () => {
      const label = `streamText(${providerName}, tools)`;
      const calls = [];
      const result = streamText({
        model, prompt: 'What is the weather in Paris?', ...OPTIONS,
        tools: { get_weather: weatherTool(calls) }, prepareStep: FORCE_TOOL_FIRST, stopWhen: stepCountIs(3),
      });
      const parts = await drain(label, result);
      const finishReason = await result.finishReason;
      expectFrom(label, parts.map((p) => p.type), () => {
        const toolCall = parts.find((p) => p.type === 'tool-call');
        assert.ok(toolCall, 'a tool-call part');
        assert.equal(toolCall.toolName, 'get_weather');
        assert.equal(typeof toolCall.input.city, 'string');
        assert.ok(parts.some((p) => p.type === 'tool-result'), 'a tool-result part');
        assert.equal(calls.length, 1);
        const afterResult = parts.slice(parts.findIndex((p) => p.type === 'tool-result'));
        assert.ok(afterResult.some((p) => p.type === 'text-delta'), 'text after the tool result');
        assert.equal(finishReason, 'stop');
      });
    });
  });
}
