/**
 * <cl-compare>: reads ?models=a,b[,c] (or repeated ?m=), fetches /api/models/<id>.json for each and renders a
 * side-by-side table. All registry strings go in through textContent, never as HTML.
 */

interface ModelDocument {
  id: string;
  url: string;
  model: { name: string };
  display: { label: string; value: string }[];
}

const MAX = 3;

export function parseSelection(search: string): string[] {
  const params = new URLSearchParams(search);
  const ids = [...(params.get('models') ?? '').split(','), ...params.getAll('m')].map((s) => s.trim()).filter(Boolean);
  return [...new Set(ids)].slice(0, MAX);
}

class Compare extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const selects = Array.from(this.querySelectorAll('select'));
    const ids = parseSelection(location.search);
    ids.forEach((id, i) => {
      if (selects[i]) selects[i].value = id;
    });
    form?.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = [...new Set(selects.map((s) => s.value).filter(Boolean))];
      const query = chosen.length ? `?models=${chosen.map((id) => encodeURIComponent(id).replace(/%2F/g, '/')).join(',')}` : '';
      history.pushState(null, '', `${location.pathname}${query}`);
      void this.#render(chosen);
    });
    addEventListener('popstate', () => void this.#render(parseSelection(location.search)));
    void this.#render(ids);
  }

  async #render(ids: string[]): Promise<void> {
    const status = this.querySelector('.status');
    const result = this.querySelector('.result');
    if (!status || !result) return;
    result.replaceChildren();
    if (ids.length < 2) {
      status.textContent = ids.length === 1 ? 'Pick at least one more model.' : '';
      return;
    }
    status.textContent = 'Loading…';
    const api = this.dataset.api ?? '/api/models/';
    const docs: ModelDocument[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      // Ids are "<vendor>/<model>" slugs; anything else is not requested.
      if (!/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/.test(id)) {
        missing.push(id);
        continue;
      }
      const response = await fetch(`${api}${id}.json`);
      if (response.ok) docs.push((await response.json()) as ModelDocument);
      else missing.push(id);
    }
    status.textContent = missing.length ? `Not in the registry: ${missing.join(', ')}.` : `Comparing ${docs.length} models.`;
    if (docs.length === 0) return;
    const table = document.createElement('table');
    table.className = 'compare';
    const head = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.scope = 'col';
    corner.textContent = 'Field';
    head.append(corner);
    for (const doc of docs) {
      const th = document.createElement('th');
      th.scope = 'col';
      const link = document.createElement('a');
      link.href = doc.url;
      link.textContent = doc.model.name;
      th.append(link);
      head.append(th);
    }
    const body = table.createTBody();
    const labels = docs[0]!.display.map((d) => d.label);
    let differing = 0;
    for (const label of labels) {
      const row = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label;
      row.append(th);
      const values = docs.map((doc) => doc.display.find((d) => d.label === label)?.value ?? '—');
      const differs = new Set(values).size > 1;
      if (differs) differing++;
      for (const value of values) {
        const cell = row.insertCell();
        cell.textContent = value;
        if (differs) cell.className = 'differs';
      }
    }
    // Say what the highlight means, so a reader does not have to guess.
    const legend = document.createElement('p');
    legend.className = 'small compare-legend';
    legend.textContent = differing > 0 ? `Highlighted: the ${differing} rows where the models differ.` : 'The models agree on every row.';
    result.append(legend, table);
  }
}

customElements.define('cl-compare', Compare);
