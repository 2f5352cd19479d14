// One measurement in a fresh process: `node worker.js <subject> <case> <ms>` prints ops/s.
import { SUBJECTS } from "./subjects.js";

const [subjectName, caseName, durationText] = process.argv.slice(2);
const duration = Number(durationText ?? 1000);
// "session-sqlite" / "session-postgres": GET /session with database sessions on that database.
const database = /^session-(sqlite|postgres)$/.exec(caseName)?.[1];
const subject = await SUBJECTS[subjectName](database);
const token = await subject.token();
// A GET has no body, so one Request can be handled repeatedly: the timing is the handler's.
const request = subject.sessionRequest(token);

const cases = {
  encode: () => subject.encode(),
  decode: () => subject.decode(token),
  session: () => subject.session(request),
  "session-sqlite": () => subject.session(request),
  "session-postgres": () => subject.session(request),
};
const run = cases[caseName];

// Check the case does real work before timing it.
const sample = caseName.startsWith("session") ? await subject.read(await run()) : await run();
if (caseName === "decode" && sample?.sub !== "1")
  throw new Error(`${subjectName} decode returned ${JSON.stringify(sample)}`);
if (caseName.startsWith("session") && sample?.user?.email !== "ada@example.com") {
  throw new Error(`${subjectName} session returned ${JSON.stringify(sample)}`);
}

async function measure(ms) {
  let ops = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 64; i++) await run();
    ops += 64;
  }
  return ops;
}

await measure(Math.min(500, duration / 2));
const start = performance.now();
const ops = await measure(duration);
const opsPerSecond = ops / ((performance.now() - start) / 1000);
await subject.cleanup?.();
process.stdout.write(JSON.stringify({ opsPerSecond }));
