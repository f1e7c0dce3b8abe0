//! The language server: the handlers of LSP messages. Edits are applied in order before any
//! await; everything else is answered from a draft's analysis, off the message loop. What the
//! server knows lives in `state`, when drafts are checked in `schedule`, the workspaces and the
//! files watched in `watch`, and everything sent to the client goes through `outbox`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, MutexGuard};

use tower_lsp::jsonrpc::Result as RpcResult;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer};

use super::completion::complete;
use super::convert::{cite_certain, ignore_action, quick_fixes, summary_lens};
use super::document::Document;
use super::hover::{definition_at, hover_at};
use super::outbox::Outbox;
use super::session::{check_in_workspace, Checker};
use super::state::{Open, State};
use super::symbols::document_symbols;
use crate::check::Analysis;
use crate::settings::SettingsLayer;
use crate::text::Encoding;
use crate::workspace::{Workspace, SETTINGS_FILE};

/// The server's state, shared by handlers and background checks.
#[derive(Clone)]
pub struct Backend {
    pub(super) inner: Arc<Inner>,
}

pub(super) struct Inner {
    pub outbox: Outbox,
    state: Mutex<State>,
    pub check: Checker,
    /// Whether a failed check has been shown to the user already: once is enough.
    pub failure_shown: AtomicBool,
    /// Checks run at most one a core at a time: fifty drafts opened at once are checked a few at
    /// a time, so memory peaks at a few checks' worth, not fifty.
    pub running: tokio::sync::Semaphore,
    /// Counts closed drafts, so that of a burst of closes only the last gives memory back.
    pub closes: AtomicU64,
}

impl Backend {
    pub fn new(client: Client, outgoing: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) -> Self {
        Self::with_checker(client, check_in_workspace, outgoing)
    }

    pub fn with_checker(client: Client, check: Checker, outgoing: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let inner = Inner {
            outbox: Outbox::new(client, outgoing),
            state: Mutex::new(State::default()),
            check,
            failure_shown: Default::default(),
            running: tokio::sync::Semaphore::new(cores),
            closes: AtomicU64::new(0),
        };
        Self { inner: Arc::new(inner) }
    }

    pub(super) fn state(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere must not take the documents with it: recover the guard.
        self.inner.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The tally of the draft's last published check.
    fn tally(&self, uri: &Url) -> Option<crate::check::Tally> {
        self.state().documents.get(uri)?.published.as_ref().map(|p| p.tally.clone())
    }

    /// Runs `answer` on the analysis of an open draft as it stands, with its text and workspace,
    /// off the message loop. The analysis published last serves while the draft is unchanged;
    /// after an edit the draft's check is brought up to date first, which checks only the
    /// paragraphs the edit touched.
    async fn with_analysis<T: Send + 'static>(
        &self,
        uri: &Url,
        answer: impl FnOnce(&Analysis, &str, &Workspace, Encoding) -> Option<T> + Send + 'static,
    ) -> Option<T> {
        let (text, root, encoding, current, session) = {
            let state = self.state();
            let open = state.documents.get(uri)?;
            (open.doc.text(), open.root.clone(), state.encoding, open.current(), open.session.clone())
        };
        let workspace = self.workspace(root).await;
        let checker = self.inner.check;
        let work = move || {
            let analysis = match current {
                Some(a) => a,
                None => {
                    // A check that panicked may have left the cache half written: start afresh.
                    let mut session = session.lock().unwrap_or_else(|poisoned| {
                        let mut guard = poisoned.into_inner();
                        *guard = super::session::Session::default();
                        guard
                    });
                    session.analyse(&text, &workspace, checker)?
                }
            };
            answer(&analysis, &text, &workspace, encoding)
        };
        tokio::task::spawn_blocking(work).await.ok().flatten()
    }

    /// Runs `answer` on the current text of an open draft and its workspace, off the message loop.
    async fn at_text<T: Send + 'static>(
        &self,
        uri: &Url,
        answer: impl FnOnce(&str, &Workspace, Encoding) -> Option<T> + Send + 'static,
    ) -> Option<T> {
        let (text, root, encoding) = {
            let state = self.state();
            let open = state.documents.get(uri)?;
            (open.doc.text(), open.root.clone(), state.encoding)
        };
        let workspace = self.workspace(root).await;
        tokio::task::spawn_blocking(move || answer(&text, &workspace, encoding)).await.ok().flatten()
    }
}

/// The kind of the action that cites the certain sources of a paragraph's figures.
const CITE_PARAGRAPH: &str = "source.citeCertain.paragraph";

impl Backend {
    /// Actions that cite the source of every unsourced figure whose match is certain: in the
    /// paragraph at `at`, and in the whole draft. Made from the diagnostics last published, and
    /// only while they are those of the text as it stands.
    fn cite_certain_actions(&self, uri: &Url, at: Position) -> Vec<CodeAction> {
        let state = self.state();
        let Some(open) = state.documents.get(uri) else { return Vec::new() };
        let Some(published) = open.published.as_ref().filter(|p| p.version == open.doc.version) else {
            return Vec::new();
        };
        let all = || published.certain.iter().flat_map(|d| d.iter());
        let paragraph = open.doc.paragraph_lines(at.line);
        let in_paragraph = all().filter(|d| paragraph.contains(&d.range.start.line));
        let title = "Cite the matching source of every unsourced figure";
        [
            cite_certain(uri, in_paragraph, &format!("{title} in this paragraph"), CodeActionKind::new(CITE_PARAGRAPH)),
            cite_certain(uri, all(), &format!("{title} in the draft"), CodeActionKind::SOURCE_FIX_ALL),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// The editor's settings for stet; settings it cannot use leave `problem` for the user.
fn editor_layer(value: Option<serde_json::Value>, problem: &mut Option<String>) -> Option<SettingsLayer> {
    let value = value?;
    let value = value.get("stet").cloned().unwrap_or(value);
    if value.is_null() {
        return None;
    }
    SettingsLayer::from_json(value).map_err(|e| *problem = Some(e.0)).ok()
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        let utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let lens_refresh = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.code_lens.as_ref())
            .and_then(|c| c.refresh_support)
            .unwrap_or(false);
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        let mut roots: Vec<PathBuf> =
            params.workspace_folders.unwrap_or_default().iter().filter_map(|f| f.uri.to_file_path().ok()).collect();
        #[allow(deprecated)]
        if roots.is_empty() {
            roots.extend(params.root_uri.and_then(|u| u.to_file_path().ok()));
        }
        {
            let mut state = self.state();
            state.encoding = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            state.roots = roots.iter().map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone())).collect();
            state.editor = editor_layer(params.initialization_options, &mut state.editor_problem);
            state.watch_registration = watch;
            state.lens_refresh = lens_refresh;
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo { name: "stet".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 { PositionEncodingKind::UTF8 } else { PositionEncodingKind::UTF16 }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions { resolve_provider: Some(false) }),
                document_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec!["@".into(), "^".into()]),
                    ..CompletionOptions::default()
                }),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![
                        CodeActionKind::QUICKFIX,
                        CodeActionKind::new(CITE_PARAGRAPH),
                        CodeActionKind::SOURCE_FIX_ALL,
                    ]),
                    ..Default::default()
                })),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Told now: a message before `initialized` may not reach the user.
        let editor_problem = self.state().editor_problem.take();
        if let Some(message) = editor_problem {
            self.inner.outbox.show(MessageType::WARNING, message);
        }
        // Read the client's workspaces now, so a broken stet.toml shows before any draft opens.
        let roots: Vec<PathBuf> = self
            .state()
            .roots
            .iter()
            .filter(|r| r.join(SETTINGS_FILE).is_file() || r.join("sources").is_dir())
            .cloned()
            .collect();
        for root in &roots {
            self.reload(root).await;
        }
        let (watch, all_roots) = {
            let state = self.state();
            (state.watch_registration, state.roots.clone())
        };
        if !watch {
            self.watch_folders(&all_roots);
        } else {
            self.register_watched_files().await;
        }
    }

    async fn shutdown(&self) -> RpcResult<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let root = self.root_for(&doc.uri);
        self.state().documents.insert(doc.uri.clone(), Open::new(Document::new(&doc.text, doc.version), root));
        self.schedule(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        // Edits are applied here, before any await, so they land in the order they were sent.
        let outcome = {
            let mut state = self.state();
            let encoding = state.encoding;
            match state.documents.get_mut(&uri) {
                None => Err(format!("change for {uri}, which is not open")),
                Some(open) if version < open.doc.version => {
                    Err(format!("ignored change to {uri}: version {version} is older than {}", open.doc.version))
                }
                Some(open) => {
                    let before = open.doc.rope.clone();
                    let applied = params.content_changes.iter().try_for_each(|c| open.doc.apply(c, encoding));
                    match applied {
                        Ok(()) => {
                            open.doc.version = version;
                            open.bump();
                            Ok(())
                        }
                        Err(e) => {
                            open.doc.rope = before;
                            Err(format!("refused change to {uri} (version {version}): {e}"))
                        }
                    }
                }
            }
        };
        match outcome {
            Ok(()) => self.schedule(uri),
            Err(message) => self.inner.outbox.log(MessageType::ERROR, message),
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Some(open) = self.state().documents.remove(&uri) {
            // A check still running for it stops at its next paragraph.
            open.bump();
        }
        self.inner.outbox.clear(&uri);
        self.give_back_memory();
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if let Ok(path) = params.text_document.uri.to_file_path() {
            self.files_changed(vec![path]).await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let paths = params.changes.iter().filter_map(|c| c.uri.to_file_path().ok()).collect();
        self.files_changed(paths).await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Clients send this for every server at once: with nothing for stet in it, the settings
        // given at start stay.
        if !SettingsLayer::speaks_to_stet(&params.settings) {
            return;
        }
        let mut problem = None;
        let layer = editor_layer(Some(params.settings), &mut problem);
        if let Some(message) = problem {
            self.inner.outbox.show(MessageType::WARNING, message);
        }
        let roots: Vec<PathBuf> = {
            let mut state = self.state();
            state.editor = layer;
            state.workspaces.keys().cloned().collect()
        };
        for root in &roots {
            self.reload(root).await;
        }
        self.recheck(|_| true);
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let at = params.text_document_position_params;
        let tally = self.tally(&at.text_document.uri);
        let hover = move |analysis: &Analysis, text: &str, ws: &Workspace, encoding| {
            hover_at(analysis, text, at.position, encoding, ws, tally.as_ref())
        };
        Ok(self.with_analysis(&at.text_document.uri, hover).await)
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> RpcResult<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let found = self.with_analysis(&at.text_document.uri, move |analysis, text, ws, encoding| {
            definition_at(analysis, text, at.position, encoding, ws).map(GotoDefinitionResponse::Scalar)
        });
        Ok(found.await)
    }

    async fn code_lens(&self, params: CodeLensParams) -> RpcResult<Option<Vec<CodeLens>>> {
        Ok(self.tally(&params.text_document.uri).map(|tally| vec![summary_lens(&tally)]))
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let items =
            self.at_text(&at.text_document.uri, move |text, ws, encoding| complete(text, at.position, encoding, ws));
        Ok(items.await.map(CompletionResponse::Array))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> RpcResult<Option<DocumentSymbolResponse>> {
        let Ok(permit) = super::symbols::OUTLINES.clone().acquire_owned().await else { return Ok(None) };
        let symbols = self.with_analysis(&params.text_document.uri, |analysis, text, ws, encoding| {
            let _held_while_made = permit;
            Some(DocumentSymbolResponse::Nested(document_symbols(analysis, text, encoding, ws)))
        });
        Ok(symbols.await)
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let actions: Vec<CodeActionOrCommand> = params
            .context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some("stet"))
            .flat_map(|d| quick_fixes(&uri, d).into_iter().chain(ignore_action(&uri, d)))
            .map(CodeActionOrCommand::CodeAction)
            .collect();
        let wanted = |kind: &CodeActionKind| {
            params.context.only.as_ref().is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
        };
        let source_actions = self.cite_certain_actions(&uri, params.range.start).into_iter();
        let actions = actions
            .into_iter()
            .chain(source_actions.filter(|a| a.kind.as_ref().is_some_and(wanted)).map(CodeActionOrCommand::CodeAction))
            .collect();
        Ok(Some(actions))
    }
}
