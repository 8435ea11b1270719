// Reads vitest's JSON report and prints the closing line CI understands: "N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

let report;
try {
  report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
} catch (error) {
  console.log(`no test report (${error.message})`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = (report.numFailedTests ?? 0) + (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
const extra = Number(process.env.EXTRA_FAILED ?? 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed + extra} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed + extra > 0 || passed === 0 ? 1 : 0);
