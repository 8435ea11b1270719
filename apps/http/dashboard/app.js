// The dashboard page: asks for the API token when the API wants one (kept in sessionStorage,
// sent as a bearer header, never put in a URL), polls the read-only API every few seconds and
// re-renders each section with render.js.
import { accountSummary, decisionsTable, equityChart, ordersTable, positionsTable, signalsSection, toDom } from './render.js';

const TOKEN_KEY = 'desk-api-token';
const REFRESH_MS = 5000;
const byId = (id) => document.getElementById(id);

class TokenNeeded extends Error {}

async function api(path) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store', credentials: 'omit' });
  if (response.status === 401) throw new TokenNeeded();
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  return response.json();
}

function show(id, view) {
  byId(id).replaceChildren(toDom(view, document));
}

function setStatus(text, isError) {
  const status = byId('status');
  status.textContent = text;
  status.className = isError ? 'error' : '';
}

async function refresh() {
  try {
    const [positions, orders, account, equity, log] = await Promise.all([api('/api/positions'), api('/api/orders'), api('/api/account'), api('/api/equity'), api('/api/decisions')]);
    byId('login').hidden = true;
    show('account', accountSummary(account, equity));
    show('equity', equityChart(equity.points));
    show('positions', positionsTable(positions.positions, equity.marks));
    show('orders', ordersTable(orders.orders));
    show('decisions', decisionsTable(log));
    setStatus(`updated ${new Date().toISOString().slice(11, 19)} UTC · every ${REFRESH_MS / 1000} s`, false);
  } catch (error) {
    if (error instanceof TokenNeeded) {
      sessionStorage.removeItem(TOKEN_KEY);
      byId('login').hidden = false;
      setStatus('The API needs a token (DESK_API_TOKEN).', true);
    } else {
      setStatus(`refresh failed: ${error.message}`, true);
    }
  }
}

byId('login').addEventListener('submit', (event) => {
  event.preventDefault();
  const field = byId('token');
  if (field.value.trim()) sessionStorage.setItem(TOKEN_KEY, field.value.trim());
  field.value = '';
  void refresh();
});
byId('forget').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  void refresh();
});

show('signals', signalsSection());
void refresh();
setInterval(() => {
  if (!document.hidden) void refresh();
}, REFRESH_MS);
