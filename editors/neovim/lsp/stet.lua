-- stet for Neovim 0.11+: with this folder on 'runtimepath', `vim.lsp.enable('stet')` starts
-- stet on Markdown files. Settings go under `settings.stet`, in the shape of stet.toml:
--   vim.lsp.config('stet', { settings = { stet = { rules = { ['unsourced-figure'] = 'error' } } } })
return {
  cmd = { 'stet' },
  filetypes = { 'markdown' },
  -- The workspace root: the folder that holds stet.toml or sources/.
  root_markers = { 'stet.toml', 'sources', '.git' },
  settings = { stet = {} },
  before_init = function(params, config)
    -- The same settings at start, so the first check already uses them.
    local stet = config.settings and config.settings.stet
    if stet and next(stet) ~= nil then
      params.initializationOptions = stet
    end
  end,
}
