//! Everything the server tells the client goes through here. Notifications are written as
//! framed JSON-RPC straight to the output, in the order they are made; requests (which need their
//! answers paired with them) go through tower-lsp's client.

use serde::Serialize;
use tower_lsp::lsp_types::notification::{LogMessage, Notification, ShowMessage};
use tower_lsp::lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, LogMessageParams, MessageType,
    Registration, ShowMessageParams, Unregistration, Url,
};
use tower_lsp::Client;

use super::framing::frame;

/// The id the file watch is registered under, to replace it when the settings name other files.
const WATCH: &str = "stet-watch";

/// The server's one way to the client.
pub struct Outbox {
    client: Client,
    framed: tokio::sync::mpsc::UnboundedSender<Vec<u8>>,
}

#[derive(Serialize)]
struct Message<'a, P> {
    jsonrpc: &'static str,
    method: &'a str,
    params: P,
}

impl Outbox {
    pub fn new(client: Client, framed: tokio::sync::mpsc::UnboundedSender<Vec<u8>>) -> Self {
        Outbox { client, framed }
    }

    /// Sends notification `N`.
    pub fn notify<N: Notification>(&self, params: N::Params) {
        let message = Message { jsonrpc: "2.0", method: N::METHOD, params };
        // A notification holds strings, numbers and JSON values only: it always serialises.
        if let Ok(body) = serde_json::to_vec(&message) {
            self.send(&body);
        }
    }

    /// Publishes the diagnostics of `uri`, given as a JSON array already written: a draft's
    /// diagnostics are written once per paragraph and joined, not rebuilt for every keystroke.
    pub fn diagnostics(&self, uri: &Url, version: Option<i32>, array: &[u8]) {
        let uri = serde_json::to_string(uri.as_str()).unwrap_or_else(|_| "\"\"".into());
        let version = version.map_or(String::new(), |v| format!(",\"version\":{v}"));
        let mut body = format!(
            "{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/publishDiagnostics\",\"params\":{{\"uri\":{uri}{version},\"diagnostics\":"
        )
        .into_bytes();
        body.extend_from_slice(array);
        body.extend_from_slice(b"}}");
        self.send(&body);
    }

    /// Clears the diagnostics of `uri`.
    pub fn clear(&self, uri: &Url) {
        self.diagnostics(uri, None, b"[]");
    }

    /// A line in the client's log.
    pub fn log(&self, typ: MessageType, message: impl Into<String>) {
        self.notify::<LogMessage>(LogMessageParams { typ, message: message.into() });
    }

    /// A message the user sees.
    pub fn show(&self, typ: MessageType, message: impl Into<String>) {
        self.notify::<ShowMessage>(ShowMessageParams { typ, message: message.into() });
    }

    /// Asks the client to fetch code lenses again; its answer says nothing worth waiting for.
    pub fn refresh_lenses(&self) {
        let client = self.client.clone();
        tokio::spawn(async move { client.code_lens_refresh().await });
    }

    /// Asks the client to watch files matching `globs`, in place of what it watched before.
    pub async fn watch(&self, globs: Vec<String>, replacing: bool) {
        if replacing {
            let gone = Unregistration { id: WATCH.into(), method: "workspace/didChangeWatchedFiles".into() };
            let _ = self.client.unregister_capability(vec![gone]).await;
        }
        let watchers = globs
            .into_iter()
            .map(|glob| FileSystemWatcher { glob_pattern: GlobPattern::String(glob), kind: None })
            .collect();
        let registration = Registration {
            id: WATCH.into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions { watchers }).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.log(MessageType::WARNING, format!("stet could not watch files: {e}"));
        }
    }

    fn send(&self, body: &[u8]) {
        // The writer ends only with the server: nothing is left to tell if it is gone.
        let _ = self.framed.send(frame(body));
    }
}
