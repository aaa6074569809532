// GET /v1/models through the official `openai` SDK (reference: embeddings-rerank-models.md §3).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import OpenAI from 'openai';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, collect, expectFrom } from './support/expect.mjs';
import { ANTHROPIC_MODEL, CHAT_MODEL, EMBEDDING_MODEL, RERANK_MODEL } from './support/fixtures.mjs';

describe('openai SDK: models', () => {
  let mock;
  let client;
  before(async () => {
    mock = await startMock();
    client = new OpenAI({ apiKey: API_KEY, baseURL: mock.openaiBaseURL, maxRetries: 0 });
  });
  after(() => mock?.stop());

  it('models.list iterates every model with the OpenAI fields', async () => {
    const label = 'models.list() (auto-paginated)';
    const models = await collect(label, await call(label, () => client.models.list()));
    expectFrom(label, models, () => {
      assert.ok(models.length > 0);
      for (const model of models) {
        assert.equal(typeof model.id, 'string');
        assert.equal(model.object, 'model');
        assert.ok(Number.isInteger(model.created), `${model.id}: created is integer seconds`);
        assert.equal(typeof model.owned_by, 'string');
      }
      const ids = models.map((m) => m.id);
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      for (const id of [CHAT_MODEL, ANTHROPIC_MODEL, EMBEDDING_MODEL, RERANK_MODEL]) {
        assert.ok(ids.includes(id), `${id} is listed (the other tests use it)`);
      }
    });
  });

  it('models.list pages: one page, no next page', async () => {
    const label = 'models.list() first page';
    const page = await call(label, () => client.models.list());
    expectFrom(label, page.data, () => {
      assert.ok(page.data.length > 0);
      assert.equal(page.hasNextPage(), false);
    });
  });
});
