-- Drives dist/server.js from headless Neovim 0.7 (vim.lsp.start_client + buf_attach_client) on the
-- current buffer, then writes what the editor received as JSON to $MEDLINT_OUT:
-- the diagnostics pushed by the server and the hover on the first « prégabaline ».
local out = assert(os.getenv('MEDLINT_OUT'), 'MEDLINT_OUT manquant')
local server = assert(os.getenv('MEDLINT_SERVER'), 'MEDLINT_SERVER manquant')
local result = { diagnostics = {}, errors = {} }

local function finish()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'medlint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.getcwd(),
  })
  assert(client_id, 'vim.lsp.start_client a échoué')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client a échoué')

  vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, { line = d.lnum, severity = d.severity, message = d.message, code = lsp.code, source = d.source })
  end

  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local s = line:find('prégabaline', 1, true)
    if s then
      vim.api.nvim_win_set_cursor(0, { i, s + 1 })
      break
    end
  end
  local params = vim.lsp.util.make_position_params()
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
  for _, r in pairs(responses) do
    if r.result and r.result.contents then
      local c = r.result.contents
      result.hover = type(c) == 'table' and (c.value or vim.fn.json_encode(c)) or c
    end
    if r.err then table.insert(result.errors, vim.fn.json_encode(r.err)) end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
finish()
