// Request pieces shared by the SDK tests: model ids from the mock's catalog (GET /v1/models), one
// function tool in each dialect's spelling, and a tiny image.

export const CHAT_MODEL = 'openai/gpt-4o';
export const ANTHROPIC_MODEL = 'anthropic/claude-sonnet-4.5';
export const EMBEDDING_MODEL = 'openai/text-embedding-3-small';
export const EMBEDDING_DIMENSIONS = 1536;
export const RERANK_MODEL = 'cohere/rerank-v3.5';

export const WEATHER_PARAMETERS = {
  type: 'object',
  properties: {
    city: { type: 'string', description: 'City name' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
  },
  required: ['city', 'unit'],
  additionalProperties: false,
};

/** chat-completions.md §3.1: nested under `function`. */
export const CHAT_WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: WEATHER_PARAMETERS,
    strict: true,
  },
};

/** responses.md §3: flat. */
export const RESPONSES_WEATHER_TOOL = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: WEATHER_PARAMETERS,
  strict: true,
};

/** messages.md §4: input_schema. */
export const ANTHROPIC_WEATHER_TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city',
  input_schema: WEATHER_PARAMETERS,
};

/** A valid 1x1 PNG (raw base64; chat wants it inside a data URL, Anthropic wants it raw). */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
export const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;

/** What a weather tool "returns" in the round-trip tests. */
export const WEATHER_RESULT = JSON.stringify({ city: 'Paris', temperature: 18, unit: 'celsius' });
