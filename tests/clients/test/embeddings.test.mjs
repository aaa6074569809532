// POST /v1/embeddings through the official `openai` SDK and the AI SDK (reference:
// embeddings-rerank-models.md §1; the SDK's default base64 request is its §1.4).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import OpenAI from 'openai';
import { embedMany } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, expectFrom, recordingFetch } from './support/expect.mjs';
import { EMBEDDING_DIMENSIONS, EMBEDDING_MODEL } from './support/fixtures.mjs';

const INPUTS = ['The capital of France is Paris.', 'Berlin is the capital of Germany.'];

function assertVectors(response, count, dimensions) {
  assert.equal(response.object, 'list');
  assert.equal(response.data.length, count, 'one embedding per input');
  response.data.forEach((item, i) => {
    assert.equal(item.object, 'embedding');
    assert.equal(item.index, i, 'data is in input order');
    assert.ok(Array.isArray(item.embedding), `data[${i}].embedding is an array of numbers`);
    assert.equal(item.embedding.length, dimensions, `data[${i}].embedding has ${dimensions} dimensions`);
    assert.ok(item.embedding.every(Number.isFinite), `data[${i}].embedding holds finite numbers`);
  });
  assert.ok(Number.isInteger(response.usage.prompt_tokens) && response.usage.prompt_tokens > 0);
  assert.equal(response.usage.total_tokens, response.usage.prompt_tokens);
}

/** Equal as float32 values: a float JSON number and its base64 float32 encoding name the same vector. */
function assertSameVector(a, b, what) {
  assert.equal(a.length, b.length, `${what}: lengths`);
  const mismatch = a.findIndex((x, i) => Math.fround(x) !== Math.fround(b[i]));
  assert.equal(mismatch, -1, `${what}: first difference at [${mismatch}]: ${a[mismatch]} vs ${b[mismatch]}`);
}

describe('openai SDK: embeddings', () => {
  let mock;
  let client;
  let recorder;
  before(async () => {
    mock = await startMock();
    recorder = recordingFetch();
    client = new OpenAI({ apiKey: API_KEY, baseURL: mock.openaiBaseURL, maxRetries: 0, fetch: recorder.fetch });
  });
  after(() => mock?.stop());

  it('the default request asks for base64 and the SDK decodes it to float vectors', async () => {
    const label = 'embeddings.create({input: [2 strings]}) (no encoding_format)';
    const response = await call(label, () => client.embeddings.create({ model: EMBEDDING_MODEL, input: INPUTS }));
    expectFrom(label, response, () => {
      assert.equal(recorder.requests.at(-1).body.encoding_format, 'base64', 'the SDK asked for base64');
      assertVectors(response, INPUTS.length, EMBEDDING_DIMENSIONS);
    });
  });

  it("encoding_format 'float' returns the same vectors as JSON numbers", async () => {
    const label = "embeddings.create({encoding_format: 'float'})";
    const floats = await call(label, () =>
      client.embeddings.create({ model: EMBEDDING_MODEL, input: INPUTS, encoding_format: 'float' }));
    const decoded = await call('embeddings.create (default base64)', () =>
      client.embeddings.create({ model: EMBEDDING_MODEL, input: INPUTS }));
    expectFrom(label, floats, () => {
      assertVectors(floats, INPUTS.length, EMBEDDING_DIMENSIONS);
      floats.data.forEach((item, i) =>
        assertSameVector(item.embedding, decoded.data[i].embedding, `data[${i}] float vs base64`));
    });
  });

  it("encoding_format 'base64' given explicitly comes back as little-endian float32 strings", async () => {
    const label = "embeddings.create({encoding_format: 'base64'})";
    const response = await call(label, () =>
      client.embeddings.create({ model: EMBEDDING_MODEL, input: INPUTS[0], encoding_format: 'base64' }));
    expectFrom(label, response, () => {
      const [item] = response.data;
      assert.equal(typeof item.embedding, 'string', 'the SDK leaves an explicit base64 answer alone');
      const bytes = Buffer.from(item.embedding, 'base64');
      assert.equal(bytes.length, 4 * EMBEDDING_DIMENSIONS);
      const vector = Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => bytes.readFloatLE(4 * i));
      assert.ok(vector.every(Number.isFinite));
    });
  });

  it('dimensions shortens the vectors in both encodings', async () => {
    for (const encoding of [undefined, 'float']) {
      const label = `embeddings.create({dimensions: 256, encoding_format: ${encoding ?? '(default)'}})`;
      const response = await call(label, () => client.embeddings.create({
        model: EMBEDDING_MODEL, input: INPUTS, dimensions: 256, ...(encoding && { encoding_format: encoding }),
      }));
      expectFrom(label, response, () => assertVectors(response, INPUTS.length, 256));
    }
  });

  it('one string input gets one embedding', async () => {
    const label = 'embeddings.create({input: string})';
    const response = await call(label, () => client.embeddings.create({ model: EMBEDDING_MODEL, input: INPUTS[0] }));
    expectFrom(label, response, () => assertVectors(response, 1, EMBEDDING_DIMENSIONS));
  });
});

describe('ai SDK: embedMany', () => {
  let mock;
  before(async () => { mock = await startMock(); });
  after(() => mock?.stop());

  for (const [providerName, makeModel] of [
    ['@ai-sdk/openai', (m) => createOpenAI({ baseURL: m.openaiBaseURL, apiKey: API_KEY }).embedding(EMBEDDING_MODEL)],
    ['@ai-sdk/openai-compatible', (m) =>
      createOpenAICompatible({ name: 'siraya', baseURL: m.openaiBaseURL, apiKey: API_KEY }).embeddingModel(EMBEDDING_MODEL)],
  ]) {
    it(`embedMany via ${providerName} returns one vector per value`, async () => {
      const label = `embedMany(${providerName})`;
      const result = await call(label, () => embedMany({ model: makeModel(mock), values: INPUTS, maxRetries: 0 }));
      expectFrom(label, { embeddings: result.embeddings.map((e) => e.length), usage: result.usage }, () => {
        assert.equal(result.embeddings.length, INPUTS.length);
        for (const vector of result.embeddings) assert.equal(vector.length, EMBEDDING_DIMENSIONS);
        assert.ok(result.usage.tokens > 0);
      });
    });
  }
});
