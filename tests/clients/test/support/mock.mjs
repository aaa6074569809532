// Starts the built siraya-mock for one test file and stops it afterwards.
//
// The binary comes from SIRAYA_MOCK_BIN (CTest passes $<TARGET_FILE:siraya-mock>). It binds a free port
// (--port 0) and announces it on its first stdout line, "siraya-mock listening on http://HOST:PORT
// (seed N)", so readiness is that line: no polling, no sleeps. --strict makes the mock validate its
// own answers against the response schemas, so an SDK test never passes on a malformed mock answer.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The only key the mock accepts; any other key gets 401. */
export const API_KEY = 'sk-siraya-sdk-test';

const LISTENING = /^siraya-mock listening on (http:\/\/\S+) \(seed (\d+)\)$/;

/**
 * @returns {Promise<{origin: string, openaiBaseURL: string, anthropicBaseURL: string, seed: number,
 *   stop: () => Promise<void>}>}
 */
export async function startMock() {
  const bin = process.env.SIRAYA_MOCK_BIN;
  if (!bin) {
    throw new Error('SIRAYA_MOCK_BIN is not set: point it at the built siraya-mock binary ' +
      '(CTest sets it; by hand: SIRAYA_MOCK_BIN=build/mock/siraya-mock node --test test/)');
  }
  const args = ['--port', '0', '--strict', '--seed', '7', '--key', API_KEY];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => { stderr += text; });
  // Never leave the server behind, even when the test process dies on an uncaught error.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const firstLine = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => { lines.close(); resolve(line); });
    child.once('error', (err) => reject(new Error(`cannot start siraya-mock (${bin}): ${err.message}`)));
    exited.then(({ code, signal }) => reject(new Error(
      `siraya-mock exited (code ${code}, signal ${signal}) before listening; stderr: ${stderr.trim()}`)));
  });
  const match = LISTENING.exec(firstLine);
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`siraya-mock's first stdout line is not the listening line: ${JSON.stringify(firstLine)}`);
  }
  child.stdout.resume();  // keep draining whatever else it prints
  const origin = match[1];
  return {
    origin,
    // openai joins baseURL + "/chat/completions"; Anthropic joins baseURL + "/v1/messages"
    // (reference README §1).
    openaiBaseURL: `${origin}/v1`,
    anthropicBaseURL: origin,
    seed: Number(match[2]),
    async stop() {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const { code, signal } = await exited;
      // SIGTERM is a clean shutdown for siraya-mock (exit 0); anything else is worth seeing.
      if (code !== 0 && signal !== 'SIGTERM') {
        throw new Error(`siraya-mock did not stop cleanly (code ${code}, signal ${signal}); stderr: ${stderr.trim()}`);
      }
    },
  };
}
