// POST /v1/rerank over plain fetch: no SDK has a rerank method (reference: README §1 and
// embeddings-rerank-models.md §2).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { API_KEY, startMock } from './support/mock.mjs';
import { call, expectFrom } from './support/expect.mjs';
import { RERANK_MODEL } from './support/fixtures.mjs';

const QUERY = 'What is the capital of France?';
const DOCUMENTS = [
  'Berlin is the capital of Germany.',
  'Paris is the capital of France.',
  'Madrid is in Spain.',
  'The Eiffel Tower is in Paris.',
];

describe('fetch: rerank', () => {
  let mock;
  before(async () => { mock = await startMock(); });
  after(() => mock?.stop());

  async function rerank(body, key = API_KEY) {
    const response = await fetch(`${mock.openaiBaseURL}/rerank`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let json;
    try { json = JSON.parse(text); } catch { json = text; }
    return { status: response.status, contentType: response.headers.get('content-type'), body: json };
  }

  it('ranks every document, best first, echoing the documents', async () => {
    const label = 'POST /v1/rerank {query, documents}';
    const reply = await call(label, () => rerank({ model: RERANK_MODEL, query: QUERY, documents: DOCUMENTS }));
    expectFrom(label, reply, () => {
      assert.equal(reply.status, 200);
      assert.match(reply.contentType, /^application\/json/);
      const { results } = reply.body;
      assert.equal(typeof reply.body.model, 'string');
      assert.equal(results.length, DOCUMENTS.length);
      assert.deepEqual(results.map((r) => r.index).sort(), DOCUMENTS.map((_, i) => i), 'each document once');
      for (let i = 1; i < results.length; i++) {
        assert.ok(results[i - 1].relevance_score >= results[i].relevance_score, 'scores do not increase');
      }
      for (const r of results) {
        assert.equal(typeof r.relevance_score, 'number');
        if (r.document !== undefined) assert.equal(r.document.text, DOCUMENTS[r.index]);
      }
    });
  });

  it('top_n keeps the best N and return_documents: false drops the echo', async () => {
    const label = 'POST /v1/rerank {top_n: 2, return_documents: false}';
    const all = await call('POST /v1/rerank', () => rerank({ model: RERANK_MODEL, query: QUERY, documents: DOCUMENTS }));
    const reply = await call(label, () =>
      rerank({ model: RERANK_MODEL, query: QUERY, documents: DOCUMENTS, top_n: 2, return_documents: false }));
    expectFrom(label, reply, () => {
      assert.equal(reply.status, 200);
      assert.equal(reply.body.results.length, 2);
      assert.deepEqual(reply.body.results.map((r) => r.index), all.body.results.slice(0, 2).map((r) => r.index),
        'the same two best documents as the full ranking');
      assert.ok(reply.body.results.every((r) => r.document === undefined), 'no document echo');
    });
  });

  it('an empty documents list is a 400 in the error envelope', async () => {
    const label = 'POST /v1/rerank {documents: []}';
    const reply = await call(label, () => rerank({ model: RERANK_MODEL, query: QUERY, documents: [] }));
    expectFrom(label, reply, () => {
      assert.equal(reply.status, 400);
      assert.equal(reply.body.error.code, 400);
      assert.equal(typeof reply.body.error.message, 'string');
      assert.equal(reply.body.error.param, 'documents');
    });
  });

  it('a wrong key is a 401 in the error envelope', async () => {
    const label = 'POST /v1/rerank with a wrong key';
    const reply = await call(label, () => rerank({ model: RERANK_MODEL, query: QUERY, documents: DOCUMENTS }, 'sk-wrong'));
    expectFrom(label, reply, () => {
      assert.equal(reply.status, 401);
      assert.equal(reply.body.error.code, 401);
      assert.equal(reply.body.error.type, 'authentication_error');
    });
  });
});
