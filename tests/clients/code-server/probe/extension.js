// Test only. Runs in the real extension host of VS Code, beside stet's extension, and asks VS
// Code's own API what stet reports: vscode.languages.getDiagnostics, executeHoverProvider,
// executeCodeActionProvider. Writes {ok, checks, error} to PROBE_OUT.
const vscode = require('vscode');
const fs = require('fs');

const TIMEOUT = 60000;

function until(what, test) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('timed out waiting for ' + what));
    }, TIMEOUT);
    const check = () => {
      const value = test();
      if (value) {
        clearTimeout(timer);
        listener.dispose();
        resolve(value);
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics(check);
    check();
  });
}

const codeOf = (d) => (typeof d.code === 'object' ? d.code.value : d.code);
const stetCodes = (uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'stet')
    .map(codeOf)
    .sort()
    .join(' ');

function positionOf(document, needle, offset) {
  return document.positionAt(document.getText().indexOf(needle) + offset);
}

async function run() {
  const uri = vscode.Uri.file(process.env.PROBE_FILE);
  const checks = [];
  const check = (ok, what, detail) => checks.push({ ok: Boolean(ok), what, detail });
  const result = { ok: false, vscode: vscode.version, checks };
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const all = 'conflicting-role unknown-source unsourced-figure';
    await until('three findings', () => stetCodes(uri) === all);
    check(true, 'VS Code shows the draft its three stet findings', stetCodes(uri));

    const name = positionOf(document, 'Bukele', 2);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, name);
    const shown = (hovers || []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    check(shown.includes('**Nayib Bukele**') && shown.includes('person'), 'hover on a name tells who it is', shown);

    // Code actions are asked of every provider at once; on a cold start the language client can
    // still be settling, so ask again a few times before judging (a user would click again).
    let actions = [];
    let cite;
    for (let attempt = 0; attempt < 10 && !cite; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 300));
      const unsourced = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'unsourced-figure');
      actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, unsourced.range)) || [];
      cite = actions.find((a) => a.title === 'Cite newsvane-2025-04-16');
    }
    check(cite && cite.edit, 'the unsourced figure offers to cite its source', (actions || []).map((a) => a.title));
    if (cite && cite.edit) {
      await vscode.workspace.applyEdit(cite.edit);
      check(document.getText().includes('2024 [@newsvane-2025-04-16].'), 'the citation stands before the full stop');
      await until('the cited finding to go', () => stetCodes(uri) === 'conflicting-role unknown-source');
      check(true, 'the unsourced finding goes once cited');
      await vscode.commands.executeCommand('undo');
      await until('the findings to come back', () => stetCodes(uri) === all);
    }

    // For the screenshot: the draft with its findings, and the hover of a name open.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    editor.selection = new vscode.Selection(name, name);
    editor.revealRange(new vscode.Range(name, name), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    result.ok = checks.every((c) => c.ok);
  } catch (e) {
    result.error = String((e && e.stack) || e);
  }
  fs.writeFileSync(process.env.PROBE_OUT, JSON.stringify(result, null, 2));
}

exports.activate = function activate() {
  if (process.env.PROBE_FILE && process.env.PROBE_OUT) {
    run();
  }
};
exports.deactivate = function deactivate() {};
