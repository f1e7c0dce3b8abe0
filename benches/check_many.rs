//! `stet check` as a desk runs it: the release binary over a folder of 1,000 generated drafts of
//! 10 KB in a copy of the example workspace, on one core and on all of them.
//! Prints throughput in MB/s and the speed-up.
//!
//!     cargo bench --bench check_many
//!     cargo bench --bench check_many -- --drafts 200 --bytes 50000
//!     cargo bench --bench check_many -- --keep /tmp/corpus   # leaves the workspace there, for profiling

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run(root: &std::path::Path, threads: usize) -> Duration {
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_stet"))
        .args(["check", "--format", "json", "drafts"])
        .current_dir(root)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the stet binary runs");
    let spent = started.elapsed();
    // Findings make the exit status 1; anything else means the run went wrong.
    assert!(matches!(status.code(), Some(0 | 1)), "stet check failed: {status}");
    spent
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let drafts: usize = value("--drafts").and_then(|v| v.parse().ok()).unwrap_or(1000);
    let bytes: usize = value("--bytes").and_then(|v| v.parse().ok()).unwrap_or(10 << 10);
    if args.iter().any(|a| a == "--list") {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let kept = value("--keep").map(std::path::PathBuf::from);
    let root = kept.as_deref().unwrap_or(dir.path());
    let example = common::example_root();
    for sub in ["sources", "reference", "drafts"] {
        std::fs::create_dir_all(root.join(sub)).expect("folders can be made");
    }
    for file in ["stet.toml", "sources/desk.bib", "reference/newsvane-2025-04-16.json"] {
        std::fs::copy(example.join(file), root.join(file)).expect("the example is readable");
    }
    let mut total = 0;
    for i in 0..drafts {
        let text = common::draft(bytes, i as u64 + 1);
        total += text.len();
        std::fs::write(root.join(format!("drafts/d{i:04}.md")), text).expect("drafts can be written");
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mb = total as f64 / 1e6;
    println!("{drafts} drafts, {mb:.1} MB in all; best of three runs\n");
    println!("| threads | time | throughput | per core | speed-up |");
    println!("|---|---|---|---|---|");
    let best = |threads| (0..3).map(|_| run(root, threads)).min().unwrap_or_default();
    let one = best(1);
    for threads in (1..=cores).filter(|t| *t == 1 || *t == cores) {
        let spent = if threads == 1 { one } else { best(threads) };
        let rate = mb / spent.as_secs_f64();
        println!(
            "| {threads} | {:.2} s | {rate:.1} MB/s | {:.1} MB/s | {:.2}x |",
            spent.as_secs_f64(),
            rate / threads as f64,
            one.as_secs_f64() / spent.as_secs_f64()
        );
    }
}
