// stet for VS Code: starts `stet` as the language server of Markdown drafts and passes it the
// settings of the `stet` section.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The checking settings, in the shape of `stet.toml`; unset ones are left to the file. */
export function checkSettings(config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const rules = config.get<Record<string, string>>('rules') ?? {};
  if (Object.keys(rules).length > 0) {
    settings.rules = rules;
  }
  const check: Record<string, unknown> = {};
  const scope = config.get<string | null>('check.scope');
  if (scope) {
    check.scope = scope;
  }
  const dates = config.get<boolean | null>('check.datesNeedSources');
  if (typeof dates === 'boolean') {
    check.dates_need_sources = dates;
  }
  const quotes = config.get<boolean | null>('check.quotesNeedSources');
  if (typeof quotes === 'boolean') {
    check.quotes_need_sources = quotes;
  }
  if (Object.keys(check).length > 0) {
    settings.check = check;
  }
  const debounce = config.get<number | null>('server.debounceMs');
  if (typeof debounce === 'number') {
    settings.server = { debounce_ms: debounce };
  }
  return settings;
}

function executable(): string {
  return vscode.workspace.getConfiguration('stet').get<string>('executable.path') || 'stet';
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('stet');
  const command = executable();
  const args = config.get<string[]>('executable.args') ?? [];
  // No transport: vscode-languageclient would add `--stdio`, which stet accepts but needs not.
  const serverOptions: ServerOptions = { run: { command, args }, debug: { command, args } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    initializationOptions: checkSettings(config),
  };
  // The id 'stet' makes the client read the 'stet.trace.server' setting.
  client = new LanguageClient('stet', 'stet', serverOptions, clientOptions);

  const claims = vscode.window.createOutputChannel('stet claims');
  context.subscriptions.push(
    claims,
    vscode.commands.registerCommand('stet.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('stet.showClaims', () => showClaims(claims)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('stet') && client?.isRunning()) {
        const settings = { stet: checkSettings(vscode.workspace.getConfiguration('stet')) };
        await client.sendNotification(DidChangeConfigurationNotification.type, { settings });
      }
    }),
  );
  await client.start();
}

/** Every figure of the active draft with how it stands, as `stet figures` reports it. */
function showClaims(channel: vscode.OutputChannel): void {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('stet: open a saved Markdown draft first.');
    return;
  }
  const file = document.uri.fsPath;
  const cwd = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath;
  execFile(executable(), ['figures', file], { cwd }, (error, stdout, stderr) => {
    channel.clear();
    channel.appendLine(`Claims of ${vscode.workspace.asRelativePath(document.uri)} (saved version):`);
    channel.appendLine('place\twritten\tread as\tkind\tstatus');
    channel.append(stdout);
    if (error) {
      channel.appendLine(stderr || String(error));
    }
    channel.show(true);
  });
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
    client = undefined;
  }
}
