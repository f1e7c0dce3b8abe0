// stet over stdio, driven by vscode-languageserver-protocol, the library under VS Code's
// language client: the example draft's findings, hover on a name, the insert-citation fix, go
// to the source, and a clean exit.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver-protocol/node';
import { applyEdits, example, positionOf, stet } from './common.mjs';

const file = resolve(example, 'drafts/security-ties.md');
const uri = pathToFileURL(file).href;
let text = readFileSync(file, 'utf8');

const server = spawn(stet, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise((res) => server.on('exit', (code) => res(code)));
const connection = lsp.createProtocolConnection(
  new lsp.StreamMessageReader(server.stdout),
  new lsp.StreamMessageWriter(server.stdin),
);
connection.onRequest(lsp.RegistrationRequest.type, () => null);
connection.onRequest(lsp.CodeLensRefreshRequest.type, () => null);

// Every publication of the draft's diagnostics, by version.
const published = new Map();
const waiting = new Map();
connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
  if (params.uri !== uri) return;
  published.set(params.version, params.diagnostics);
  waiting.get(params.version)?.(params.diagnostics);
});
const diagnosticsOf = (version) =>
  published.has(version)
    ? Promise.resolve(published.get(version))
    : new Promise((res) => waiting.set(version, res));
connection.listen();

after(() => {
  if (server.exitCode === null) server.kill('SIGKILL');
  connection.dispose();
});

const codes = (diagnostics) => diagnostics.map((d) => d.code).sort();

test('the example draft gets its findings, each from stet', async () => {
  const root = pathToFileURL(example).href;
  const init = await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'el-salvador' }],
    capabilities: {
      textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true } },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true } },
    },
  });
  assert.equal(init.serverInfo.name, 'stet');
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'markdown', version: 1, text },
  });
  const diagnostics = await diagnosticsOf(1);
  assert.deepEqual(codes(diagnostics), ['conflicting-role', 'unknown-source', 'unsourced-figure']);
  assert.ok(diagnostics.every((d) => d.source === 'stet'));
  const unsourced = diagnostics.find((d) => d.code === 'unsourced-figure');
  assert.deepEqual(unsourced.range.start, positionOf(text, '11 tons'));
});

test('hover on a name tells who it is', async () => {
  const hover = await connection.sendRequest(lsp.HoverRequest.type, {
    textDocument: { uri },
    position: positionOf(text, 'Bukele', 2),
  });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*Nayib Bukele\*\*/);
  assert.match(hover.contents.value, /person/);
});

test('go to definition on a citation key opens the fact its source gives', async () => {
  // The example's source is known by its curated dataset: the fact's entry is where it leads,
  // the figure nearest the key in the sentence it covers being 1.7%.
  const at = positionOf(text, '@newsvane-2025-04-16]. The homicide', 3);
  const found = await connection.sendRequest(lsp.DefinitionRequest.type, { textDocument: { uri }, position: at });
  assert.match(found.uri, /reference\/newsvane-2025-04-16\.json$/);
  const dataset = readFileSync(new URL(found.uri), 'utf8').split('\n');
  const entry = dataset.slice(found.range.start.line, found.range.start.line + 3).join('\n');
  assert.match(entry, /"text": "1\.7%"/);
});

test('the insert-citation fix cites the source and the finding goes', async () => {
  const unsourced = published.get(1).find((d) => d.code === 'unsourced-figure');
  const actions = await connection.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri },
    range: unsourced.range,
    context: { diagnostics: [unsourced], only: ['quickfix'] },
  });
  const cite = actions.find((a) => a.title === 'Cite newsvane-2025-04-16');
  assert.ok(cite, `no citation among ${actions.map((a) => a.title)}`);
  const edits = cite.edit.changes[uri];
  await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
  });
  text = applyEdits(text, edits);
  assert.match(text, /first seven months of\n2024 \[@newsvane-2025-04-16\]\./);
  assert.deepEqual(codes(await diagnosticsOf(2)), ['conflicting-role', 'unknown-source']);
});

test('shutdown and exit end the server at once with status 0', async () => {
  await connection.sendRequest(lsp.ShutdownRequest.type);
  await connection.sendNotification(lsp.ExitNotification.type);
  const code = await Promise.race([exited, new Promise((res) => setTimeout(() => res('still running'), 2000))]);
  assert.equal(code, 0);
});
