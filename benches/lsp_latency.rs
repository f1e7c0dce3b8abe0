//! The language server as an editor sees it: the release binary over stdio, a generated draft
//! of 10 KB, 100 KB and 1 MB opened in a copy of the example workspace, then single-character
//! edits typed at seeded random places, each waited for until its diagnostics arrive.
//! Prints open latency, edit-to-diagnostics p50/p95/max, the server's CPU time per edit, hover
//! and code-action latency, and the server's peak memory.
//!
//!     cargo bench --bench lsp_latency                 # 500 edits per size
//!     cargo bench --bench lsp_latency -- --edits 100 --sizes 10K,1M
//!     cargo bench --bench lsp_latency -- --sizes 1M --edits 1 --keep /tmp/lsp   # keep the workspace

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(120);

struct Server {
    child: Child,
    input: ChildStdin,
    /// Each message with the moment its last byte was read, before it is parsed.
    messages: Receiver<(Instant, Value)>,
    next_id: i64,
}

impl Server {
    fn start(root: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stet"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the stet binary starts");
        let input = child.stdin.take().expect("stdin is piped");
        let output = child.stdout.take().expect("stdout is piped");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        Server { child, input, messages, next_id: 0 }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("the server reads");
        self.input.flush().expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> (Instant, Value) {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The next message that `accept`s, answering the server's own requests on the way.
    fn wait(&mut self, accept: impl Fn(&Value) -> bool) -> (Instant, Value) {
        loop {
            let (arrived, message) = self.messages.recv_timeout(WAIT).expect("the server answers in time");
            if accept(&message) {
                return (arrived, message);
            }
            if message.get("method").is_some() && message.get("id").is_some() {
                self.send(json!({"jsonrpc": "2.0", "id": message["id"], "result": null}));
            }
        }
    }

    /// The diagnostics published for `version`, and when they arrived.
    fn diagnostics(&mut self, uri: &str, version: i64) -> (Instant, Vec<Value>) {
        let (arrived, published) = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        (arrived, published["params"]["diagnostics"].as_array().cloned().unwrap_or_default())
    }

    /// Kernel-counted CPU time of the server so far.
    fn cpu(&self) -> Duration {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap_or_default();
        // Fields after the command name, which is in parentheses: utime and stime are 14 and 15.
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
        let ticks: u64 = fields.get(11..13).map_or(0, |f| f.iter().filter_map(|x| x.parse::<u64>().ok()).sum());
        Duration::from_millis(ticks * 10)
    }

    fn peak_rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kb: f64 = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        kb / 1024.0
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

/// The next message, timed when its last byte is read: parsing it is the client's work.
fn read_message(reader: &mut impl BufRead) -> Option<(Instant, Value)> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            length = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    let arrived = Instant::now();
    Some((arrived, serde_json::from_slice(&body).ok()?))
}

/// A copy of the example workspace with the debounce set to 0, so the numbers are the server's.
fn workspace(draft: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let example = common::example_root();
    for sub in ["sources", "reference", "drafts"] {
        std::fs::create_dir_all(dir.path().join(sub)).expect("folders can be made");
    }
    for file in ["sources/desk.bib", "reference/newsvane-2025-04-16.json"] {
        std::fs::copy(example.join(file), dir.path().join(file)).expect("the example is readable");
    }
    let settings = std::fs::read_to_string(example.join("stet.toml")).expect("the example has settings");
    std::fs::write(dir.path().join("stet.toml"), settings.replace("debounce_ms = 50", "debounce_ms = 0"))
        .expect("settings can be written");
    std::fs::write(dir.path().join("drafts/bench.md"), draft).expect("the draft can be written");
    dir
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("the folder to keep can be made");
    for entry in std::fs::read_dir(from).expect("the workspace is readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("the workspace can be copied");
        }
    }
}

/// The LSP position (UTF-16) of byte `at` of `text`.
fn position(text: &str, at: usize) -> Value {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn run(bytes: usize, edits: usize, seed: u64, keep: Option<&str>) {
    let mut text = common::draft(bytes, seed);
    let dir = workspace(&text);
    if let Some(keep) = keep {
        // The same workspace, for profiling the server by hand (`benches/lsp_instructions.py`).
        let kept = std::path::Path::new(keep).join(common::size_name(bytes));
        let _ = std::fs::remove_dir_all(&kept);
        copy_tree(dir.path(), &kept);
        println!("(workspace kept in {})", kept.display());
    }
    let root = std::fs::canonicalize(dir.path()).expect("the workspace exists");
    let uri = format!("file://{}/drafts/bench.md", root.display());
    let mut server = Server::start(&root);
    server.request(
        "initialize",
        json!({"processId": null, "rootUri": format!("file://{}", root.display()), "capabilities": {}}),
    );
    server.notify("initialized", json!({}));

    let opened = Instant::now();
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let (arrived, mut diagnostics) = server.diagnostics(&uri, 1);
    let open = arrived - opened;
    let at_open = diagnostics.len();

    let mut r = common::Lcg(seed ^ 0x5eed);
    let mut latencies = Vec::with_capacity(edits);
    let cpu_before = server.cpu();
    for version in 2..2 + edits as i64 {
        let mut at = r.below(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let typed = ["a", "e", " ", "n", "7", ",", "s"][r.below(7)];
        let place = position(&text, at);
        text.insert_str(at, typed);
        let sent = Instant::now();
        server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": place, "end": place}, "text": typed}]}),
        );
        let (arrived, published) = server.diagnostics(&uri, version);
        diagnostics = published;
        latencies.push(arrived - sent);
    }
    let cpu_per_edit = (server.cpu() - cpu_before) / edits.max(1) as u32;
    latencies.sort();

    let mut hovers = Vec::new();
    let mut actions = Vec::new();
    for d in diagnostics.iter().take(50) {
        let started = Instant::now();
        let (arrived, _) = server
            .request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": d["range"]["start"]}));
        hovers.push(arrived - started);
        let started = Instant::now();
        let (arrived, _) = server.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}}),
        );
        actions.push(arrived - started);
    }
    hovers.sort();
    actions.sort();
    let rss = server.peak_rss_mb();
    server.stop();

    println!(
        "| {} | {} | {} | {} | {} / {} / {} | {} | {} | {} | {:.0} MB |",
        common::size_name(bytes),
        at_open,
        diagnostics.len(),
        ms(open),
        ms(percentile(&latencies, 0.5)),
        ms(percentile(&latencies, 0.95)),
        ms(latencies.last().copied().unwrap_or_default()),
        ms(cpu_per_edit),
        ms(percentile(&hovers, 0.5)),
        ms(percentile(&actions, 0.5)),
        rss,
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let edits = value("--edits").and_then(|v| v.parse().ok()).unwrap_or(500);
    let seed = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(7);
    let sizes: Vec<usize> = value("--sizes")
        .unwrap_or_else(|| "10K,100K,1M".into())
        .split(',')
        .filter_map(|s| match s.trim().to_uppercase().as_str() {
            "10K" => Some(10 << 10),
            "100K" => Some(100 << 10),
            "1M" => Some(1 << 20),
            other => other.parse().ok(),
        })
        .collect();
    if args.iter().any(|a| a == "--list") {
        return;
    }
    println!("{edits} edits per draft, seed {seed}; times in ms (edits: p50 / p95 / max)\n");
    println!("| draft | diagnostics at open | after edits | open | edit to diagnostics | server CPU per edit | hover | code action | peak RSS |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for bytes in sizes {
        run(bytes, edits, seed, value("--keep").as_deref());
    }
}
