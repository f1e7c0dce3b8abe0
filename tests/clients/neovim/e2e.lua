-- Neovim 0.11, headless, with stet's shipped plugin (editors/neovim): opens the example draft,
-- checks its diagnostics (with a rule's severity set through the plugin's settings), hover on a
-- name, completion as `[@` is typed, and applies the insert-citation fix. Prints JSON lines; exits
-- 0 when all hold, else 1.
--   STET=/abs/stet REPO=/abs/repo nvim --headless -u NONE -i NONE -c 'luafile e2e.lua'
-- (not `-l`: a script run with -l ends Neovim when typed keys wait in Insert mode).
-- With ROUTE=0.10, vim.lsp.config and vim.lsp.enable are hidden first, so setup() takes the way
-- it takes on Neovim 0.10 (a FileType autocommand and vim.lsp.start).
local repo = assert(os.getenv('REPO'), 'set REPO')
local stet = assert(os.getenv('STET'), 'set STET')
local timeout = 20000
local failures = 0

local function emit(t)
  io.stdout:write(vim.json.encode(t), '\n')
end

local function check(ok, what, detail)
  emit({ check = what, ok = ok, detail = detail })
  if not ok then
    failures = failures + 1
  end
end

local function finish()
  for _, client in ipairs(vim.lsp.get_clients({ name = 'stet' })) do
    client:stop()
  end
  emit({ result = failures == 0 and 'ok' or 'failed', failures = failures })
  vim.cmd('cquit! ' .. (failures == 0 and 0 or 1))
end

local ok, err = pcall(function()
  vim.opt.runtimepath:prepend(repo .. '/editors/neovim')
  if os.getenv('ROUTE') == '0.10' then
    vim.lsp.config = nil
    vim.lsp.enable = nil
  end
  require('stet').setup({
    cmd = { stet },
    settings = { stet = { rules = { ['conflicting-role'] = 'error' } } },
  })
  vim.cmd.edit(vim.fn.fnameescape(repo .. '/examples/el-salvador/drafts/security-ties.md'))
  local buf = vim.api.nvim_get_current_buf()
  -- -u NONE turns filetype detection off; setting it fires FileType, which starts stet.
  vim.bo[buf].filetype = 'markdown'

  local function stet_diagnostics()
    return vim.tbl_filter(function(d)
      return d.source == 'stet'
    end, vim.diagnostic.get(buf))
  end
  local function codes()
    local list = vim.tbl_map(function(d)
      return d.code
    end, stet_diagnostics())
    table.sort(list)
    return table.concat(list, ' ')
  end

  vim.wait(timeout, function()
    return #stet_diagnostics() >= 3
  end, 20)
  local client = vim.lsp.get_clients({ bufnr = buf, name = 'stet' })[1]
  check(client ~= nil, 'the plugin started stet for the Markdown buffer')
  if not client then
    return
  end
  check(codes() == 'conflicting-role unknown-source unsourced-figure', 'the draft has its three findings', codes())
  local role = vim.tbl_filter(function(d)
    return d.code == 'conflicting-role'
  end, stet_diagnostics())[1]
  check(role ~= nil and role.severity == vim.diagnostic.severity.ERROR, "the plugin's settings set a rule's severity")

  -- With virtual text on, as the README advises, the messages show beside their lines.
  vim.diagnostic.config({ virtual_text = true })
  local shown_messages = {}
  for _, ns in pairs(vim.api.nvim_get_namespaces()) do
    for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, { details = true })) do
      for _, chunk in ipairs(mark[4].virt_text or {}) do
        table.insert(shown_messages, chunk[1])
      end
    end
  end
  local joined = table.concat(shown_messages, ' | ')
  check(joined:find('has no source note', 1, true) ~= nil, 'virtual text shows the messages', joined)

  -- Hover on a name: 0-based line and UTF-16 column of "Bukele".
  local line = vim.fn.search('Bukele', 'nw') - 1
  local text = vim.fn.getline(line + 1)
  local position = { line = line, character = vim.str_utfindex(text, 'utf-16', vim.fn.match(text, 'Bukele') + 2) }
  local document = vim.lsp.util.make_text_document_params(buf)
  local hover = client:request_sync('textDocument/hover', { textDocument = document, position = position }, timeout, buf)
  local shown = hover and hover.result and hover.result.contents and hover.result.contents.value or ''
  check(shown:find('**Nayib Bukele**', 1, true) ~= nil and shown:find('person', 1, true) ~= nil, 'hover on a name tells who it is', shown)

  -- Typing `[@` pops up the citation keys, as setup() turns completion as you type on. Keys fed
  -- with 'x!' stay in Insert mode until a timer, polling for the menu, leaves it (`:h feedkeys`).
  vim.api.nvim_win_set_cursor(0, { line + 1, 0 })
  local keys, waited = {}, 0
  local poll = vim.uv.new_timer()
  poll:start(50, 50, vim.schedule_wrap(function()
    waited = waited + 50
    if vim.fn.pumvisible() == 1 or waited > timeout then
      for _, item in ipairs(vim.fn.complete_info({ 'items' }).items or {}) do
        table.insert(keys, item.word)
      end
      poll:stop()
      vim.api.nvim_input('<C-e><Esc>')
    end
  end))
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes('A [@', true, false, true), 'tx!', false)
  vim.cmd('silent! undo')
  check(vim.tbl_contains(keys, 'newsvane-2025-04-16') or vim.tbl_contains(keys, '@newsvane-2025-04-16'),
    'typing [@ offers the citation keys', table.concat(keys, ' '))

  -- The insert-citation fix of the unsourced figure, applied as Neovim applies a code action.
  local unsourced = vim.tbl_filter(function(d)
    return d.code == 'unsourced-figure'
  end, stet_diagnostics())[1]
  local lsp_diagnostic = unsourced.user_data.lsp
  local actions = client:request_sync('textDocument/codeAction', {
    textDocument = document,
    range = lsp_diagnostic.range,
    context = { diagnostics = { lsp_diagnostic }, only = { 'quickfix' } },
  }, timeout, buf)
  local cite
  for _, action in ipairs(actions and actions.result or {}) do
    if action.title == 'Cite newsvane-2025-04-16' then
      cite = action
    end
  end
  check(cite ~= nil, 'the unsourced figure offers to cite its source')
  if not cite then
    return
  end
  vim.lsp.util.apply_workspace_edit(cite.edit, client.offset_encoding)
  local cited = vim.fn.getline(lsp_diagnostic.range.start.line + 2)
  check(cited:find('2024 [@newsvane-2025-04-16].', 1, true) ~= nil, 'the citation stands before the full stop', cited)
  vim.wait(timeout, function()
    return codes() == 'conflicting-role unknown-source'
  end, 20)
  check(codes() == 'conflicting-role unknown-source', 'the unsourced finding goes once cited', codes())
end)
if not ok then
  check(false, 'the harness ran', tostring(err))
end
finish()
