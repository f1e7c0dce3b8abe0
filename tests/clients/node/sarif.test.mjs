// `stet check --format sarif` on the example workspace, checked against the SARIF 2.1.0 schema
// (the copy published with @microsoft/jest-sarif) and against the JSON output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { repo, stet } from './common.mjs';

const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const check = (format) => {
  const run = spawnSync(stet, ['check', '--format', format, 'examples/el-salvador/drafts'], { cwd: repo });
  assert.equal(run.status, 1, String(run.stderr));
  return JSON.parse(String(run.stdout));
};

test('the SARIF log is valid against the schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  const log = check('sarif');
  assert.ok(validate(log), ajv.errorsText(validate.errors));
});

test('the SARIF log holds the findings of the JSON output, with rules and fixes', () => {
  const findings = check('json');
  const run = check('sarif').runs[0];
  assert.equal(run.results.length, findings.length);
  for (const [i, finding] of findings.entries()) {
    const result = run.results[i];
    assert.equal(result.ruleId, finding.code);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, finding.code);
    assert.equal(result.locations[0].physicalLocation.region.startLine, finding.range.start.line + 1);
    assert.equal(result.fixes?.length ?? 0, finding.fixes.length);
  }
});
