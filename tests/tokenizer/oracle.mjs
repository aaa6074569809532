// Oracle test: siraya's o200k_base tokenizer against js-tiktoken, token id for token id.
//
//   node oracle.mjs --cli SIRAYA_TOKENIZE --package JS_TIKTOKEN_DIR --corpus CORPUS_JSON
//
// Texts: every string of the corpus file, seeded pseudo-random mixes of scripts, emoji, digits,
// apostrophes and white space, and one long text (the corpus repeated). js-tiktoken encodes them as
// ordinary text (no special tokens allowed or disallowed, like tiktoken's encode_ordinary);
// siraya-tokenize gets them as JSON lines. Exit codes: 0 all equal, 1 a mismatch or a broken CLI,
// 77 skipped (js-tiktoken is not installed), 2 bad usage.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const SKIP = 77;

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i + 1 < argv.length; i += 2) {
    if (!argv[i].startsWith("--")) break;
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.cli || !args.package || !args.corpus) {
    console.error("usage: node oracle.mjs --cli SIRAYA_TOKENIZE --package JS_TIKTOKEN_DIR --corpus CORPUS_JSON");
    process.exit(2);
  }
  return args;
}

// mulberry32: a small seeded generator, so every run tests the same texts.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Code point ranges assigned long ago, so the Unicode versions of PCRE2 and of node agree on them.
const RANGES = [
  [0x61, 0x7a], [0x41, 0x5a], [0x30, 0x39], [0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e],
  [0xc0, 0xff], [0x100, 0x17f], [0x300, 0x36f], [0x391, 0x3c9], [0x410, 0x44f], [0x5d0, 0x5ea],
  [0x627, 0x64a], [0x660, 0x669], [0x905, 0x939], [0xe01, 0xe30], [0x3041, 0x3096], [0x30a1, 0x30fa],
  [0x4e00, 0x9fa5], [0xac00, 0xd7a3], [0xff01, 0xff5e], [0x2010, 0x2027], [0x20a0, 0x20b5],
  [0x1f300, 0x1f64f], [0x1f680, 0x1f6c5],
];
const FRAGMENTS = [
  " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", " \n", "   ", "\u00a0", "\u3000", "\u200d", "\ufe0f",
  "'s", "'S", "'t", "'re", "'RE", "'ve", "'m", "'ll", "'LL", "'d", "'D", "\u2019s", "'",
  "the", "The", "HTTP", "Server", "caf\u00e9", "na\u00efve", "\u4e2d\u6587", "\u65e5\u672c",
  "\ud55c\uad6d", "\u043c\u0438\u0440", "123", "4567", "3.14", "_", "__init__", "->", "{}", "();",
  "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}", "\u{1F44D}\u{1F3FD}", "\u{1F1EF}\u{1F1F5}",
];

function randomText(next) {
  const length = 1 + Math.floor(next() * 60);
  let s = "";
  for (let i = 0; i < length; ++i) {
    if (next() < 0.45) {
      s += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
    } else {
      const [lo, hi] = RANGES[Math.floor(next() * RANGES.length)];
      s += String.fromCodePoint(lo + Math.floor(next() * (hi - lo + 1)));
    }
  }
  return s;
}

function preview(text) {
  const s = JSON.stringify(text);
  return s.length > 120 ? s.slice(0, 117) + "..." : s;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const lite = join(args.package, "dist", "lite.js");
  const ranks = join(args.package, "dist", "ranks", "o200k_base.js");
  if (!existsSync(lite) || !existsSync(ranks)) {
    console.log(`SKIP: js-tiktoken is not installed at ${args.package} (run scripts/install.d/o200k-ranks.sh); ` +
                "the o200k_base oracle comparison did not run");
    process.exit(SKIP);
  }
  const { Tiktoken } = await import(pathToFileURL(lite).href);
  const { default: o200k } = await import(pathToFileURL(ranks).href);
  const oracle = new Tiktoken(o200k);

  const corpus = JSON.parse(readFileSync(args.corpus, "utf8")).cases;
  const texts = [...corpus];
  const next = rng(20240513);
  for (let i = 0; i < 1000; ++i) texts.push(randomText(next));
  let long = "";
  while (long.length < 200000) long += corpus.join("\n") + "\n";
  texts.push(long);

  const run = spawnSync(args.cli, [], {
    input: texts.map((t) => JSON.stringify(t)).join("\n") + "\n",
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (run.error || run.status !== 0) {
    console.error(`siraya-tokenize failed: ${run.error ?? `exit ${run.status}`}\n${run.stderr}`);
    process.exit(1);
  }
  const lines = run.stdout.split("\n").filter((l) => l.length > 0);
  if (lines.length !== texts.length) {
    console.error(`siraya-tokenize printed ${lines.length} lines for ${texts.length} texts`);
    process.exit(1);
  }

  let failed = 0;
  let tokens = 0;
  texts.forEach((text, i) => {
    const expected = oracle.encode(text, [], []);
    const actual = JSON.parse(lines[i]);
    tokens += expected.length;
    let at = 0;
    while (at < expected.length && at < actual.length && expected[at] === actual[at]) ++at;
    if (at === expected.length && at === actual.length) return;
    ++failed;
    const from = Math.max(0, at - 2);
    const pieces = (ids) => ids.slice(from, at + 3).map((id) => `${id}=${JSON.stringify(oracle.decode([id]))}`).join(" ");
    const origin = i < corpus.length ? `corpus case ${i}` : i < texts.length - 1 ? `random text ${i - corpus.length}` : "long text";
    console.error(`MISMATCH ${origin} ${preview(text)} at token ${at} (${expected.length} expected, ${actual.length} got)\n` +
                  `  js-tiktoken: ${pieces(expected)}\n  siraya:      ${pieces(actual)}`);
  });
  console.log(`o200k_base oracle: ${texts.length} texts, ${tokens} tokens compared with js-tiktoken`);
  console.log(`${texts.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
