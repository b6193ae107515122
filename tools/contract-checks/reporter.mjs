// A node:test reporter that prints one line per check, the reason under a failed one, and ends
// with "N passed, N failed".
import { basename } from "node:path";

const IGNORED = new Set(["test:enqueue", "test:dequeue", "test:start", "test:plan", "test:complete", "test:watch:drained"]);
const MAX_LINES = 80;

export default async function* report(source) {
  let passed = 0;
  let failed = 0;
  for await (const { type, data } of source) {
    if (IGNORED.has(type)) continue;
    const where = data.file ? `${basename(data.file, ".test.mjs")}: ` : "";
    if (type === "test:pass") {
      passed++;
      yield `ok - ${where}${data.name}\n`;
    } else if (type === "test:fail") {
      failed++;
      yield `not ok - ${where}${data.name}\n${indent(reason(data.details?.error))}`;
    } else if (type === "test:diagnostic" && data.file) {
      yield indent(`# ${data.message}`);
    } else if (type === "test:stderr" || type === "test:stdout") {
      yield indent(String(data.message).trimEnd());
    }
  }
  yield `${passed} passed, ${failed} failed\n`;
}

/** The failure's message (an assertion's lists every problem); the stack only for an unexpected error. */
function reason(error) {
  const cause = error?.cause ?? error;
  if (!cause) return "(no reason given)";
  const text = cause.code === "ERR_ASSERTION" || cause.constructor?.name === "Error"
    ? String(cause.message)
    : String(cause.stack ?? cause);
  const lines = text.split("\n");
  return lines.length <= MAX_LINES ? text : [...lines.slice(0, MAX_LINES), `... ${lines.length - MAX_LINES} more lines`].join("\n");
}

const indent = (text) => text.split("\n").map((l) => `    ${l}`).join("\n") + "\n";
