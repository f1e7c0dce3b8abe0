-- stet for Neovim: `require('stet').setup(opts)` starts stet on Markdown files.
-- On 0.11+ it is `vim.lsp.config('stet', opts)` and `vim.lsp.enable('stet')`, with the defaults
-- of lsp/stet.lua; on 0.10 it starts the client itself from a FileType autocommand.
local M = {}

--- The defaults of lsp/stet.lua, found on 'runtimepath'.
local function defaults()
  local file = vim.api.nvim_get_runtime_file('lsp/stet.lua', false)[1]
  if not file then
    error('stet: lsp/stet.lua is not on runtimepath; add the editors/neovim folder of stet to it')
  end
  return dofile(file)
end

--- Completion of citation keys as you type `[@` (Neovim 0.11+ has it built in, off unless asked).
local function complete_as_you_type(group)
  if not (vim.lsp.completion and vim.lsp.completion.enable) then
    return
  end
  vim.api.nvim_create_autocmd('LspAttach', {
    group = group,
    callback = function(args)
      local client = vim.lsp.get_client_by_id(args.data.client_id)
      if client and client.name == 'stet' then
        vim.lsp.completion.enable(true, client.id, args.buf, { autotrigger = true })
      end
    end,
  })
end

--- Starts stet for Markdown buffers. `opts` overrides the defaults: `cmd` (the binary and its
--- arguments), `filetypes`, `root_markers` and `settings = { stet = { ... } }`; `completion =
--- false` leaves completion as you type off.
function M.setup(opts)
  opts = vim.deepcopy(opts or {})
  local group = vim.api.nvim_create_augroup('stet', { clear = true })
  if opts.completion ~= false then
    complete_as_you_type(group)
  end
  opts.completion = nil
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('stet', opts)
    vim.lsp.enable('stet')
    return
  end
  local config = vim.tbl_deep_extend('force', defaults(), opts)
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      local root = vim.fs.root(args.buf, config.root_markers)
      local stet = config.settings and config.settings.stet
      vim.lsp.start({
        name = 'stet',
        cmd = config.cmd,
        root_dir = root,
        settings = config.settings,
        init_options = (stet and next(stet) ~= nil) and stet or nil,
      }, { bufnr = args.buf })
    end,
  })
end

return M
