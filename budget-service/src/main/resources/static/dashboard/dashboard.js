// Leadgate live dashboard: plain JS, no build step. The team key is sent once, in a header, to
// exchange it for a one-time stream ticket; it is kept only in this tab's sessionStorage so the
// page can fetch a new ticket when the stream reconnects. Everything shown comes from the
// server's view of the key's own org; values are written with textContent, never as HTML.
(function () {
  'use strict';
  const STATES = ['RECEIVED', 'CREATED', 'DUPLICATE', 'FAILED', 'DEFERRED'];
  const LABELS = { RECEIVED: 'captured', CREATED: 'created', DUPLICATE: 'duplicate', FAILED: 'failed', DEFERRED: 'deferred' };
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);
  let source = null;
  let retry = 1000;

  function setConnection(on, text) {
    $('connection').className = on ? 'on' : 'off';
    $('connection').textContent = text;
  }

  async function ticket(key) {
    const response = await fetch('/api/v1/dashboard/tickets', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + key },
    });
    if (response.status === 401 || response.status === 403) {
      throw new Error('This key does not open a team dashboard.');
    }
    if (!response.ok) {
      throw new Error('The dashboard is not available (' + response.status + ').');
    }
    return response.json();
  }

  async function connect(key) {
    let issued;
    try {
      issued = await ticket(key);
    } catch (e) {
      sessionStorage.removeItem('leadgate.key');
      $('login').hidden = false;
      $('board').hidden = true;
      $('login-error').textContent = e.message;
      setConnection(false, 'not connected');
      return;
    }
    $('login').hidden = true;
    $('board').hidden = false;
    $('org').textContent = issued.teamId + ' · ' + issued.orgId;
    source = new EventSource('/dashboard/stream?ticket=' + encodeURIComponent(issued.ticket));
    source.addEventListener('open', () => { retry = 1000; setConnection(true, 'live'); });
    source.addEventListener('org', (event) => render(JSON.parse(event.data)));
    source.addEventListener('error', () => {
      // A ticket opens one stream only: reconnecting needs a new one.
      source.close();
      setConnection(false, 'reconnecting…');
      setTimeout(() => connect(key), retry);
      retry = Math.min(retry * 2, 30000);
    });
  }

  function render(view) {
    renderBudget(view.budget);
    renderChart(view.minutes);
    $('calls-per-lead').textContent = view.decided ? view.callsPerLead.toFixed(3) : '–';
    $('decided').textContent = String(view.decided);
    $('backlog').textContent = String(view.deferredBacklog);
    $('next-attempt').textContent = view.nextDeferredAttempt
      ? 'next attempt ' + new Date(view.nextDeferredAttempt).toLocaleTimeString() : '';
    renderDuplicates(view.latestDuplicates);
    document.body.dataset.updatedAt = view.at;
  }

  function renderBudget(budget) {
    if (!budget) { return; }
    const scale = 300 / Math.max(budget.limit, 1);
    $('gauge-usage').setAttribute('width', String(Math.min(budget.usage, budget.limit) * scale));
    $('gauge-usage').setAttribute('class', 'usage ' + budget.mode);
    $('gauge-cap').setAttribute('x1', String(budget.cap * scale));
    $('gauge-cap').setAttribute('x2', String(budget.cap * scale));
    $('cloud').className = 'cloud ' + budget.cloud;
    $('cloud').title = budget.cloud + ' cloud';
    $('budget-text').textContent = budget.usage + ' used of ' + budget.cap + ' cap (' +
      budget.limit + ' limit) · ' + budget.mode + ' · ' + budget.cloud.toLowerCase() + ' cloud';
  }

  function renderChart(minutes) {
    const chart = $('chart');
    chart.replaceChildren();
    const max = Math.max(1, ...minutes.map((m) => STATES.reduce((s, k) => s + (m.counts[k] || 0), 0)));
    const width = 300 / Math.max(minutes.length, 1);
    const totals = {};
    minutes.forEach((m, i) => {
      let y = 120;
      STATES.forEach((state) => {
        const n = m.counts[state] || 0;
        totals[state] = (totals[state] || 0) + n;
        if (!n) { return; }
        const h = (n / max) * 115;
        y -= h;
        const bar = document.createElementNS(SVG, 'rect');
        bar.setAttribute('x', String(i * width + 1));
        bar.setAttribute('y', String(y));
        bar.setAttribute('width', String(Math.max(width - 2, 1)));
        bar.setAttribute('height', String(h));
        bar.setAttribute('class', state);
        const title = document.createElementNS(SVG, 'title');
        title.textContent = n + ' ' + LABELS[state] + ' at ' + new Date(m.minute).toLocaleTimeString();
        bar.appendChild(title);
        chart.appendChild(bar);
      });
    });
    $('totals').textContent = STATES.map((s) => LABELS[s] + ' ' + (totals[s] || 0)).join(' · ');
  }

  function renderDuplicates(duplicates) {
    const rows = duplicates.map((d) => {
      const tr = document.createElement('tr');
      tr.dataset.captureId = d.captureId;
      const m = d.match;
      const cells = [
        new Date(d.at).toLocaleTimeString(),
        m ? m.object + ' ' + m.id : 'details hidden (golden cloud)',
        m ? (m.ownerName || '?') + (m.ownerEmail ? ' <' + m.ownerEmail + '>' : '') : '',
        m ? m.matchedOn : '',
      ];
      cells.forEach((text) => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      return tr;
    });
    $('duplicates').replaceChildren(...rows);
  }

  function legend() {
    $('legend').replaceChildren(...STATES.map((s) => {
      const li = document.createElement('li');
      const swatch = document.createElement('i');
      swatch.className = s;
      li.append(swatch, LABELS[s]);
      return li;
    }));
  }

  legend();
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('key').value.trim();
    $('key').value = '';
    $('login-error').textContent = '';
    sessionStorage.setItem('leadgate.key', key);
    connect(key);
  });
  const remembered = sessionStorage.getItem('leadgate.key');
  if (remembered) { connect(remembered); }
})();
