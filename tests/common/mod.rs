//! An in-process LSP client for the tests: frames messages over an in-memory pipe, answers the
//! server's requests, and waits for the notifications a test expects.

#![allow(dead_code)]

use std::collections::VecDeque;
use std::fs;
use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf};
use tokio::task::JoinHandle;

/// A minimal LSP client over an in-memory pipe.
pub struct Client {
    writer: WriteHalf<DuplexStream>,
    reader: BufReader<ReadHalf<DuplexStream>>,
    next_id: i64,
    /// Notifications and server requests read while waiting for something else.
    pub pending: VecDeque<Value>,
    pub server: JoinHandle<bool>,
}

pub mod binary;

pub const WAIT: Duration = Duration::from_secs(20);

impl Client {
    pub fn start() -> Self {
        Self::start_with(stet::lsp::check_in_workspace)
    }

    /// A server whose checks run `checker` instead of stet's own.
    pub fn start_with(checker: stet::lsp::Checker) -> Self {
        let (client_side, server_side) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_side);
        let server = tokio::spawn(stet::lsp::serve_with(server_read, server_write, checker));
        let (read, writer) = tokio::io::split(client_side);
        Client { writer, reader: BufReader::new(read), next_id: 1, pending: VecDeque::new(), server }
    }

    pub async fn send(&mut self, message: Value) {
        let body = message.to_string();
        let framed = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
        self.writer.write_all(framed.as_bytes()).await.unwrap();
    }

    pub async fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).await.unwrap();
            assert!(!line.is_empty(), "the server closed the stream");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).await.unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// Reads the next message, answering server requests (such as registerCapability) at once.
    pub async fn read_one(&mut self) -> Value {
        let message = tokio::time::timeout(WAIT, self.read()).await.expect("no message from the server in time");
        if message.get("method").is_some() && message.get("id").is_some() {
            let id = message["id"].clone();
            self.send(json!({"jsonrpc": "2.0", "id": id, "result": null})).await;
        }
        message
    }

    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        loop {
            let message = self.read_one().await;
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.pending.push_back(message);
        }
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    /// The next notification of `method` that satisfies `accept`.
    pub async fn wait_for(&mut self, method: &str, accept: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(|m| m["method"] == method && accept(&m["params"])) {
            return self.pending.remove(i).unwrap()["params"].clone();
        }
        loop {
            let message = self.read_one().await;
            if message["method"] == method && accept(&message["params"]) {
                return message["params"].clone();
            }
            self.pending.push_back(message);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let params =
            self.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri && p["version"] == version).await;
        params["diagnostics"].as_array().unwrap().clone()
    }

    pub async fn initialize(&mut self, root: &Path, capabilities: Value) -> Value {
        let root_uri = format!("file://{}", root.display());
        let result = self
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": root_uri,
                    "capabilities": capabilities,
                    "workspaceFolders": [{"uri": root_uri, "name": "ws"}],
                }),
            )
            .await;
        self.notify("initialized", json!({})).await;
        result["result"].clone()
    }

    pub async fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        )
        .await;
    }
}

pub fn edit(line: u32, from: u32, to: u32, text: &str) -> Value {
    json!({"range": {"start": {"line": line, "character": from}, "end": {"line": line, "character": to}}, "text": text})
}

pub fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("sources")).unwrap();
    fs::create_dir_all(root.join("drafts")).unwrap();
    fs::write(
        root.join("sources/nv.md"),
        "---\nkey: nv\n---\nOver 84,000 people were held. In all, 300 people died in custody.\n",
    )
    .unwrap();
    fs::write(root.join("stet.toml"), "[server]\ndebounce_ms = 0\n").unwrap();
    dir
}

pub fn summary(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let r = &d["range"];
            format!(
                "{} {}:{}-{}:{}",
                d["code"].as_str().unwrap(),
                r["start"]["line"],
                r["start"]["character"],
                r["end"]["line"],
                r["end"]["character"]
            )
        })
        .collect()
}
