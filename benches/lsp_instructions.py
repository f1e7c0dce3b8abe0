#!/usr/bin/env python3
"""The instructions a keystroke costs the server, counted by callgrind (repeatable on a loaded
machine, where wall times are not). Opens DRAFT (in a workspace folder: its parent's parent,
with `debounce_ms = 0` in its stet.toml), then types EDITS seeded single characters, waiting
for each version's diagnostics, as `lsp_latency` does.

    python3 benches/lsp_instructions.py WS/drafts/big.md 20 -- \
        valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=edits.out target/release/stet
    callgrind_annotate edits.out.1 | grep TOTALS     # the edits alone: divide by EDITS

With `--instr-atstart=no` the open is not counted: counting starts once its diagnostics arrive.
The counts are dumped (to `edits.out.1`) after the last edit's diagnostics, before the server
is asked to shut down, so freeing the draft at exit (in `edits.out`) is not counted with them.
Edits never land inside brackets, where typing into a citation key would change the sources
the draft relies on and with them every paragraph's check."""
import json, os, random, subprocess, sys, time
draft, edits = sys.argv[1], int(sys.argv[2])
cmd = sys.argv[sys.argv.index('--') + 1:]
root = os.path.dirname(os.path.dirname(os.path.abspath(draft)))
text = open(draft).read()
p = subprocess.Popen(cmd + ['lsp'], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b); p.stdin.flush()
def read():
    n = None
    while True:
        l = p.stdout.readline()
        if not l: raise SystemExit('server gone')
        l = l.strip()
        if not l: break
        if l.lower().startswith(b'content-length:'): n = int(l.split(b':')[1])
    return json.loads(p.stdout.read(n))
def wait(ok):
    while True:
        m = read()
        if 'id' in m and 'method' in m: send({'jsonrpc': '2.0', 'id': m['id'], 'result': None}); continue
        if ok(m): return m
uri = 'file://' + os.path.abspath(draft)
send({'jsonrpc':'2.0','id':1,'method':'initialize','params':{'processId':None,'rootUri':'file://'+root,'capabilities':{}}})
wait(lambda m: m.get('id') == 1)
send({'jsonrpc':'2.0','method':'initialized','params':{}})
pub = lambda v: (lambda m: m.get('method') == 'textDocument/publishDiagnostics' and m['params'].get('version') == v)
t0 = time.time()
send({'jsonrpc':'2.0','method':'textDocument/didOpen','params':{'textDocument':{'uri':uri,'languageId':'markdown','version':1,'text':text}}})
first = wait(pub(1)); t1 = time.time()
if 'valgrind' in cmd[0]:
    # Count only what the edits cost: nothing was counted while the draft opened.
    subprocess.run(['callgrind_control', '-i', 'on', str(p.pid)], stdout=subprocess.DEVNULL)
r = random.Random(7); lat = []
for v in range(2, 2 + edits):
    at = r.randrange(len(text)); typed = r.choice(['a','e',' ','n','7',',','s'])
    while text.rfind('[', 0, at) > text.rfind(']', 0, at):
        at = r.randrange(len(text))
    before = text[:at]; line = before.count('\n'); col = len(before[before.rfind('\n')+1:].encode('utf-16-le')) // 2
    text = before + typed + text[at:]
    pos = {'line': line, 'character': col}
    s = time.time()
    send({'jsonrpc':'2.0','method':'textDocument/didChange','params':{'textDocument':{'uri':uri,'version':v},'contentChanges':[{'range':{'start':pos,'end':pos},'text':typed}]}})
    last = wait(pub(v)); lat.append(time.time() - s)
if 'valgrind' in cmd[0]:
    subprocess.run(['callgrind_control', '-d', str(p.pid)], stdout=subprocess.DEVNULL)
send({'jsonrpc':'2.0','id':2,'method':'shutdown','params':None}); wait(lambda m: m.get('id') == 2)
send({'jsonrpc':'2.0','method':'exit','params':None}); p.wait()
lat.sort()
print(f"open {1000*(t1-t0):.1f} ms, {len(first['params']['diagnostics'])} diagnostics; edits p50 {1000*lat[len(lat)//2] if lat else 0:.2f} ms; after {len(last['params']['diagnostics']) if edits else '-'}")
