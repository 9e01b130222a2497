/**
 * The fast unit tests that judge the mutants of the dose rules and attachment (`npm run mutation`), loaded in one
 * process: MEDLINT_MUTATION_TESTS="test/support/mutation-fast.ts" (one test child instead of one per file).
 * Example: « méthotrexate 15 mg/j » must stay a rhythm error under every mutant of server/src/core/rules/dose.ts.
 */
import '../unit/dose-rules.test';
import '../unit/attach-strategies.test';
import '../unit/dose-tables.test';
import '../unit/rules-tiny.test';
import '../unit/doses.test';
import '../unit/dose-findings.test';
import '../unit/attach-guards.test';
import '../unit/dose-compare.test';
