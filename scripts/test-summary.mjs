// Prints one closing line for the whole run: "tests: N passed, N failed".
// Arguments: Vitest's JSON report, then any number of Playwright JSON reports. A Playwright
// report that does not exist is a suite that did not run (the multi-instance suite without
// TEST_DATABASE_URL): it is named as such and counts nothing.
import fs from "node:fs";
import path from "node:path";

const [unitFile, ...playwrightFiles] = process.argv.slice(2);
const unit = JSON.parse(fs.readFileSync(unitFile, "utf8"));
let passed = unit.numPassedTests;
let failed = unit.numFailedTests;
let skipped = unit.numPendingTests + unit.numTodoTests;
const parts = [`unit: ${unit.numPassedTests} passed`];
for (const file of playwrightFiles) {
  const name = path.basename(file, ".json");
  if (!fs.existsSync(file)) {
    parts.push(`${name}: not run`);
    continue;
  }
  const { stats } = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  skipped += stats.skipped;
  parts.push(`${name}: ${stats.expected} passed`);
}
console.log(`\n${parts.join(" · ")}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
