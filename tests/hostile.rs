//! What an attacker or an unlucky user can send or leave in a workspace: each case once stopped,
//! silenced, hung or misled stet (issue 18), and each drives the real binary or the library and
//! must finish in a few seconds.

mod common;

use std::fs;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use stet::workspace::Workspace;

use common::binary::Server;

/// Asks something every live server answers, and returns the answer, failing on any other
/// response met on the way.
fn still_answers(s: &mut Server, id: i64) -> Value {
    s.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": {
        "textDocument": {"uri": "file:///nowhere/x.md"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": []}}}));
    let answer = s.response();
    assert_eq!(answer["id"], id, "an unexpected answer: {answer}");
    answer
}

/// Sends `body` framed as it stands, bytes and all.
fn send_body(s: &mut Server, body: &str) {
    s.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
}

// 1. Valid JSON that is not a JSON-RPC message.

#[test]
fn json_that_is_not_json_rpc_is_refused_and_the_server_goes_on() {
    let mut s = Server::start();
    s.initialize();
    let cases = [
        ("{}", Value::Null),
        ("[]", Value::Null),
        (r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#, Value::Null),
        ("42", Value::Null),
        (r#"{"jsonrpc":"1.0","id":3,"method":"shutdown"}"#, json!(3)),
        (r#"{"id":4,"method":"shutdown"}"#, json!(4)),
        (r#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","id":6,"method":7}"#, json!(6)),
        (r#"{"jsonrpc":"2.0","id":7,"method":"x","method":"y"}"#, Value::Null),
        (r#"{"jsonrpc":"2.0","method":"x","result":1}"#, Value::Null),
    ];
    for (n, (body, id)) in cases.iter().enumerate() {
        send_body(&mut s, body);
        let answer = s.response();
        assert_eq!((&answer["error"]["code"], &answer["id"]), (&json!(-32600), id), "{body}: {answer}");
        still_answers(&mut s, 100 + n as i64);
    }
}

#[test]
fn a_message_with_an_id_and_no_method_is_a_response_and_gets_no_answer() {
    let mut s = Server::start();
    s.initialize();
    send_body(&mut s, r#"{"jsonrpc":"2.0","id":9}"#);
    send_body(&mut s, r#"{"jsonrpc":"2.0","id":10,"result":null}"#);
    send_body(&mut s, r#"{"jsonrpc":"2.0","id":11,"error":{"code":1,"message":"x"}}"#);
    // The first answer after them is the one to this request: none of them was answered.
    still_answers(&mut s, 12);
}

// 2. `Content-Length:` inside a body.

/// The diagnostics published for `uri`, failing on any error met on the way.
fn published(s: &mut Server, uri: &str) -> Vec<Value> {
    loop {
        let m = s.next(20);
        assert!(m.get("error").is_none(), "an error before the diagnostics of {uri}: {m}");
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
            return m["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
        }
    }
}

fn open(s: &mut Server, uri: &str, text: &str) {
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
}

#[test]
fn a_draft_quoting_a_content_length_header_is_read_whole() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///nowhere/http.md";
    let filler = "The server sent a header. ".repeat(8000);
    let text = format!("{filler}\n\nIt read Content-Length: 0\r\n\r\nand then nothing.\n\n{filler}\n");
    open(&mut s, uri, &text);
    published(&mut s, uri);
    still_answers(&mut s, 1);
}

#[test]
fn a_reply_quoting_a_content_length_header_does_not_wedge_the_answers() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///nowhere/notes.md";
    let notes: String =
        (0..3000).map(|n| format!("[^n{n}]: The reply began Content-Length: 0 and stopped, note {n}.\n\n")).collect();
    let text = format!("{notes}See [^");
    let line = text.lines().count() - 1;
    // The draft goes with its header escaped, so only the reply holds it as it reads.
    let opening = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}});
    send_body(&mut s, &opening.to_string().replace("Content-Length", "Content\\u002dLength"));
    s.send(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/completion", "params": {
        "textDocument": {"uri": uri}, "position": {"line": line, "character": 6}}}));
    let answer = s.response();
    assert_eq!(answer["id"], 2, "{answer}");
    assert_eq!(answer["result"].as_array().map(Vec::len), Some(3000));
    still_answers(&mut s, 3);
}

// The workspace and command-line cases share these.

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A workspace with one source and one draft.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "sources/nv.md", "---\nkey: nv\n---\nOver 84,000 people were held in 2023.\n");
    write(dir.path(), "drafts/a.md", "Over 84,000 people were held in 2023. <!-- source: nv -->\n");
    write(dir.path(), "stet.toml", "[server]\ndebounce_ms = 0\n");
    dir
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

/// What `stet args` in `dir` printed, as (status, stdout, stderr); fails if it runs past
/// `seconds`.
fn stet_within(seconds: u64, dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stet"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        stdout.read_to_string(&mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        stderr.read_to_string(&mut s).unwrap();
        s
    });
    let status = wait_within(&mut child, seconds);
    (status, out.join().unwrap(), err.join().unwrap())
}

/// The exit status of `child`, which must end within `seconds`.
fn wait_within(child: &mut std::process::Child, seconds: u64) -> Option<i32> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            let _ = child.kill();
            panic!("still running after {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Initializes the server with `root` as its workspace folder.
fn initialize_at(s: &mut Server, root: &Path) {
    let uri = format!("file://{}", root.display());
    s.send(json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "capabilities": {}, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": "ws"}]}}));
    assert!(s.response()["result"]["capabilities"].is_object());
    s.notify("initialized", json!({}));
}

/// The first diagnostics published for a file whose path ends with `name`.
fn problems_of(s: &mut Server, name: &str) -> Vec<Value> {
    loop {
        let m = s.next(10);
        let uri = m["params"]["uri"].as_str().unwrap_or_default().to_string();
        if m["method"] == "textDocument/publishDiagnostics" && uri.ends_with(name) {
            return m["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
        }
    }
}

fn messages(problems: &[Value]) -> String {
    problems.iter().map(|d| d["message"].as_str().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

// 3. Symlink loops.

#[test]
fn links_back_up_inside_sources_are_reported_and_the_server_goes_on() {
    let ws = workspace();
    symlink(".", ws.path().join("sources/here")).unwrap();
    symlink("..", ws.path().join("sources/up")).unwrap();
    let mut s = Server::start();
    initialize_at(&mut s, ws.path());
    assert!(messages(&problems_of(&mut s, "sources/here")).contains("links back up"));
    still_answers(&mut s, 1);
}

#[test]
fn a_workspace_with_link_loops_loads_each_source_once() {
    let ws = workspace();
    symlink(".", ws.path().join("sources/here")).unwrap();
    symlink("..", ws.path().join("sources/root")).unwrap();
    fs::create_dir_all(ws.path().join("sources/a")).unwrap();
    symlink("../a", ws.path().join("sources/a/again")).unwrap();
    let loaded = Workspace::load(ws.path(), None, None);
    assert!(loaded.library.contains("nv"));
    let loops = loaded.problems.iter().filter(|p| p.error.message.contains("links back up")).count();
    assert_eq!(loops, 3, "{:?}", loaded.problems);
}

#[test]
fn check_reads_each_draft_once_through_a_link_to_its_own_folder() {
    let ws = workspace();
    symlink(".", ws.path().join("drafts/loop")).unwrap();
    symlink("..", ws.path().join("drafts/up")).unwrap();
    let (status, out, err) = stet_within(10, ws.path(), &["check", "--format", "json", "drafts"]);
    assert_eq!(status, Some(0), "{err}");
    assert!(err.contains("drafts/loop links back up"), "{err}");
    assert!(!out.contains("loop/") && !out.contains("up/"), "{out}");
    let (_, out, _) = stet_within(10, ws.path(), &["figures", "--format", "json", "drafts"]);
    assert_eq!(out.matches("\"text\": \"84,000\"").count(), 1, "{out}");
}

// 4. FIFOs and other special files.

#[test]
fn check_passes_over_fifos_in_drafts_and_sources_and_says_so() {
    let ws = workspace();
    mkfifo(&ws.path().join("sources/pipe.md"));
    mkfifo(&ws.path().join("drafts/pipe.md"));
    let (status, _, err) = stet_within(10, ws.path(), &["check", "drafts"]);
    assert_eq!(status, Some(0), "{err}");
    assert!(err.contains("drafts/pipe.md is not a regular file"), "{err}");
    assert!(err.contains("sources/pipe.md") && err.contains("not a regular file"), "{err}");
    let (status, _, err) = stet_within(10, ws.path(), &["check", "drafts/pipe.md"]);
    assert_eq!(status, Some(2), "a draft that cannot be read: {err}");
}

#[test]
fn a_fifo_in_sources_is_reported_and_the_server_answers_and_exits_when_stdin_closes() {
    let ws = workspace();
    mkfifo(&ws.path().join("sources/pipe.md"));
    let mut s = Server::start();
    initialize_at(&mut s, ws.path());
    assert!(messages(&problems_of(&mut s, "sources/pipe.md")).contains("not a regular file"));
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": format!("file://{}/drafts/a.md", ws.path().display())},
        "position": {"line": 0, "character": 6}}}));
    assert_eq!(s.response()["id"], 1);
    s.close_input();
    wait_within(&mut s.child, 5);
}

// 5. Settings files obey the workspace's confinement.

#[test]
fn a_settings_file_linked_from_outside_is_not_read_nor_quoted() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.toml", "[check]\nscope = \"SECRET\"\ntoken = 1\n");
    let ws = workspace();
    fs::remove_file(ws.path().join("stet.toml")).unwrap();
    symlink(outside.path().join("secret.toml"), ws.path().join("stet.toml")).unwrap();
    let loaded = Workspace::load(ws.path(), None, None);
    let said = format!("{:?}", loaded.problems);
    assert!(said.contains("stet.toml") && said.contains("outside the workspace"), "{said}");
    assert!(!said.contains("SECRET") && !said.contains("token"), "{said}");
}

#[test]
fn a_settings_file_that_is_not_utf8_or_holds_unbounded_numbers_is_reported_at_the_file() {
    let ws = workspace();
    fs::write(ws.path().join("stet.toml"), b"[server]\ndebounce_ms = 10\n# \xff\xfe\n").unwrap();
    let loaded = Workspace::load(ws.path(), None, None);
    let said = format!("{:?}", loaded.problems);
    assert!(said.contains("stet.toml") && said.contains("not UTF-8"), "{said}");
    write(ws.path(), "stet.toml", "[server]\ndebounce_ms = 9223372036854775807\n");
    let loaded = Workspace::load(ws.path(), None, None);
    assert!(format!("{:?}", loaded.problems).contains("between 0 and 10000"), "{:?}", loaded.problems);
    assert!(loaded.settings.debounce_ms <= 10_000);
    write(ws.path(), "stet.toml", "[sources]\nmax_bytes = -1\n");
    let loaded = Workspace::load(ws.path(), None, None);
    assert!(format!("{:?}", loaded.problems).contains("sources.max_bytes must be between"), "{:?}", loaded.problems);
}

#[test]
fn paths_outside_read_alike_whether_they_exist_and_globs_list_nothing_there() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "real.bib", "@misc{real, title = {Real}}\n");
    write(outside.path(), "a.json", "{}");
    write(outside.path(), "b.json", "{}");
    let out = outside.path().display();
    let ws = workspace();
    symlink(outside.path().join("real.bib"), ws.path().join("real.bib")).unwrap();
    symlink(outside.path().join("gone.bib"), ws.path().join("gone.bib")).unwrap();
    let settings = format!(
        "[sources]\nbibliographies = [\"{out}/real.bib\", \"{out}/gone.bib\", \"real.bib\", \"gone.bib\"]\n\
         [reference]\ndatasets = [\"{out}/*\", \"{out}/a.json\", \"{out}/c.json\"]\n"
    );
    write(ws.path(), "stet.toml", &settings);
    let loaded = Workspace::load(ws.path(), None, None);
    let said: Vec<String> = loaded.problems.iter().map(|p| p.error.message.replace("gone", "real")).collect();
    let about = |name: &str| said.iter().filter(|m| m.contains(name)).cloned().collect::<Vec<_>>();
    assert_eq!(about(&format!("{out}/real.bib")).len(), 2, "{said:#?}");
    assert_eq!(about(&format!("{out}/real.bib"))[0], about(&format!("{out}/real.bib"))[1]);
    assert_eq!(about("bibliography real.bib").len(), 2, "{said:#?}");
    assert_eq!(about("bibliography real.bib")[0], about("bibliography real.bib")[1]);
    let datasets = about("dataset");
    assert_eq!(datasets.len(), 3, "one message a pattern, none a file: {said:#?}");
    assert_eq!(datasets[1].replace("a.json", "c.json"), datasets[2]);
    assert!(!loaded.library.contains("real"));
}

// 8. Smaller ones.

#[test]
fn shutdown_with_invalid_params_is_refused_and_shuts_nothing_down() {
    let mut s = Server::start();
    s.initialize();
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "shutdown", "params": [1]}));
    let answer = s.response();
    assert_eq!((&answer["id"], &answer["error"]["code"]), (&json!(1), &json!(-32602)), "{answer}");
    let answer = still_answers(&mut s, 2);
    assert!(answer.get("error").is_none(), "the server shut down: {answer}");
}

#[test]
fn a_client_that_closes_its_end_of_stdout_ends_the_server_without_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stet"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    let initialize = json!({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}});
    let messages = std::iter::once(initialize).chain((1..40).map(|id| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {
            "textDocument": {"uri": "file:///nowhere/x.md"}, "position": {"line": 0, "character": 0}}})
    }));
    for message in messages {
        let body = message.to_string();
        // Writes fail once the server has gone, as they should.
        let _ =
            std::io::Write::write_all(&mut stdin, format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = wait_within(&mut child, 5);
    assert_ne!(status, Some(101), "the server panicked");
}

#[test]
fn a_uri_with_encoded_dot_segments_gets_diagnostics_under_the_same_uri() {
    let ws = workspace();
    let mut s = Server::start();
    initialize_at(&mut s, ws.path());
    let uri = format!("file://{}/drafts/%2e%2e/drafts/a.md", ws.path().display());
    open(&mut s, &uri, "Over 84,000 people were held in 2023.\n");
    published(&mut s, &uri);
}

#[test]
fn an_unclosed_front_matter_value_and_a_duplicate_source_key_are_reported_at_their_files() {
    let ws = workspace();
    write(ws.path(), "sources/broken.md", "---\nkey: [unclosed\n---\nThe vault holds 12 bars.\n");
    write(ws.path(), "sources/same.md", "---\nkey: nv\n---\nThe vault holds 12 bars.\n");
    let loaded = Workspace::load(ws.path(), None, None);
    let about = |name: &str| {
        loaded.problems.iter().filter(|p| p.path.ends_with(name)).map(|p| p.error.clone()).collect::<Vec<_>>()
    };
    let broken = about("sources/broken.md");
    assert!(broken.len() == 1 && broken[0].line == 1 && broken[0].message.contains("never closed"), "{broken:?}");
    let same = about("sources/same.md");
    assert!(same.len() == 1 && same[0].message.contains("sources/nv.md"), "{:?}", loaded.problems);
    let nv = loaded.index.dataset("nv").map(|d| d.facts.iter().map(|f| f.text.clone()).collect::<Vec<_>>());
    assert!(nv.as_ref().is_some_and(|facts| facts.iter().all(|f| !f.contains("12"))), "the first file is used: {nv:?}");
}

#[test]
fn editor_settings_stet_cannot_use_are_shown_to_the_user() {
    let mut s = Server::start();
    s.initialize_with(json!({"stet": {"server": {"debounce": 5}}}));
    let started = Instant::now();
    loop {
        let m = s.next(10);
        if m["method"] == "window/showMessage" {
            assert!(m["params"]["message"].as_str().unwrap_or_default().contains("debounce"), "{m}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10));
    }
    s.notify("workspace/didChangeConfiguration", json!({"settings": {"stet": {"check": {"scoop": 1}}}}));
    loop {
        let m = s.next(10);
        if m["method"] == "window/showMessage" {
            assert!(m["params"]["message"].as_str().unwrap_or_default().contains("scoop"), "{m}");
            break;
        }
    }
}

// 6. Inputs that cost the square of their size. Each case took from tens of seconds to hours.

/// Runs `work`, one of the inputs whose cost once grew with the square of its size. Nothing here
/// times it (speed is measured in benches): the suite takes seconds when the cost is linear and
/// minutes when it is not, which `.ci/run`'s duration shows.
fn costly<T>(_what: &str, work: impl FnOnce() -> T) -> T {
    work()
}

fn check(text: &str) -> Vec<stet::check::Finding> {
    use stet::reference::{Index, Library};
    let (library, index, config) = (Library::default(), Index::default(), Default::default());
    stet::check::analyse(text, &stet::check::Against::new(&library, &index, &config)).findings()
}

#[test]
fn a_large_source_on_one_line_builds_in_linear_time() {
    let sentence = "The Ministry of Health said Ana Ortega counted 1,240 cases in Lagos and 300 deaths in 2024. ";
    let text = format!("---\nkey: big\n---\n{}", sentence.repeat(3_000));
    let dataset = costly("a 280 KB source", || stet::reference::build_dataset(None, "big", &text)).unwrap();
    assert!(dataset.facts.len() > 5_000);
}

#[test]
fn a_source_of_too_many_figures_is_skipped_with_a_message() {
    let text = "1 ".repeat(stet::reference::MAX_SOURCE_FIGURES + 1);
    let built = costly("a source of 100,001 figures", || stet::reference::build_dataset(None, "x", &text));
    assert!(built.is_err_and(|e| e.message.contains("figures")));
}

#[test]
fn one_long_paragraph_of_figures_is_checked_in_linear_time() {
    let findings = costly("16,384 figures in one paragraph", || check(&"1 ".repeat(16_384)));
    assert_eq!(findings.len(), 16_384);
}

#[test]
fn a_table_of_forty_thousand_cells_is_checked_in_linear_time() {
    let table = format!("| a | b |\n|---|---|\n{}", "| 1 | 2 |\n".repeat(20_000));
    costly("a table of 40,000 cells", || check(&table));
}

#[test]
fn deeply_nested_bibtex_braces_are_refused_at_once() {
    let text = format!("@misc{{k, title = {}x{}}}", "{".repeat(100_000), "}".repeat(100_000));
    let parsed = costly("100,000 nested braces", || stet::reference::parse_bibtex(&text));
    assert!(parsed.is_err_and(|e| e.message.contains("nested")));
}

// 7. Requests that cost without bound.

#[test]
fn the_outline_of_a_huge_draft_is_cut_and_says_where() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///nowhere/huge.md";
    let text = "In 2023, 84,000 people were held and 300 died. ".repeat(6_000);
    open(&mut s, uri, &text);
    s.send(json!({"jsonrpc": "2.0", "id": 1, "method": "textDocument/documentSymbol", "params": {
        "textDocument": {"uri": uri}}}));
    let answer = s.response();
    let symbols = answer["result"].as_array().cloned().unwrap_or_default();
    assert_eq!(symbols.len(), stet::lsp::MAX_SYMBOLS + 1, "{}", answer.to_string().len());
    assert!(symbols.last().is_some_and(|s| s["name"].as_str().unwrap_or_default().contains("outline stops")));
    still_answers(&mut s, 2);
}

/// The CPU time the process `pid` has used so far.
fn cpu_time(pid: u32) -> Duration {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
    let after = stat.rsplit_once(')').unwrap().1;
    let fields: Vec<u64> = after.split_whitespace().skip(11).take(2).map(|f| f.parse().unwrap()).collect();
    Duration::from_millis((fields[0] + fields[1]) * 10)
}

/// The CPU time `pid` uses until it has been idle for half a second.
fn cpu_until_idle(pid: u32, from: Duration) -> Duration {
    let mut last = cpu_time(pid);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = cpu_time(pid);
        if now == last {
            return now.saturating_sub(from);
        }
        last = now;
    }
}

#[test]
fn cancelled_outlines_that_have_not_started_never_run_and_hovers_are_answered_meanwhile() {
    let mut s = Server::start();
    s.initialize();
    let uri = "file:///nowhere/long.md";
    open(&mut s, uri, &"In 2023, 84,000 people were held and 300 died. ".repeat(4_000));
    let outline = |id: i64| {
        json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/documentSymbol", "params": {
            "textDocument": {"uri": uri}}})
    };
    let pid = s.child.id();
    let idle = cpu_until_idle(pid, Duration::ZERO);
    s.send(outline(1));
    assert_eq!(s.response()["id"], 1);
    let one = cpu_until_idle(pid, idle);
    let before = cpu_time(pid);
    for id in 10..18 {
        s.send(outline(id));
    }
    for id in 11..18 {
        s.notify("$/cancelRequest", json!({"id": id}));
    }
    s.send(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": uri}, "position": {"line": 0, "character": 10}}}));
    let mut answered = Vec::new();
    while answered.len() < 9 {
        let m = s.response();
        if m["id"] == 10 || m["id"] == 2 {
            assert!(m.get("error").is_none(), "{m}");
        } else {
            assert_eq!(m["error"]["code"], -32800, "a cancelled outline was answered: {}", m["id"]);
        }
        answered.push(m["id"].clone());
    }
    let eight = cpu_until_idle(pid, before);
    // One outline ran; the seven cancelled, had they run too, would cost seven times as much.
    assert!(eight < one * 3, "one outline took {one:?}; eight, seven of them cancelled, took {eight:?}");
}
