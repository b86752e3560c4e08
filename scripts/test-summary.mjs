// Prints one closing line for the whole run: "tests: N passed, N failed".
import fs from "node:fs";

const [unitFile, e2eFile] = process.argv.slice(2);
const unit = JSON.parse(fs.readFileSync(unitFile, "utf8"));
const e2e = JSON.parse(fs.readFileSync(e2eFile, "utf8"));
const passed = unit.numPassedTests + e2e.stats.expected;
const failed = unit.numFailedTests + e2e.stats.unexpected + e2e.stats.flaky;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`\nunit: ${unit.numPassedTests} passed · e2e: ${e2e.stats.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
