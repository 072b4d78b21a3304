/**
 * <cl-model-table>: progressive enhancement of the models table. Reveals the filter form, filters rows by their
 * data-* facets, sorts by clicking column headers, and mirrors the filters in the URL so a view can be shared.
 * Without JavaScript the table is complete and readable.
 */

type Row = HTMLTableRowElement;

const MATCHERS: Record<string, (row: Row, value: string) => boolean> = {
  class: (row, v) => (row.dataset.class ?? '').split(' ').includes(v),
  commercial: (row, v) => v.split(' ').includes(row.dataset.commercial ?? ''),
  open: (row, v) => row.dataset.open === v,
  country: (row, v) => row.dataset.country === v,
  mau: (row, v) => row.dataset.mau === v,
  eu: (row, v) => row.dataset.eu === v,
  sovereign: (row, v) => {
    const options = (row.dataset.sovereign ?? '').split(' ').filter(Boolean);
    return v === 'any' ? options.length > 0 : options.includes(v);
  },
  params: (row, v) => row.dataset.params !== '' && Number(row.dataset.params) <= Number(v),
  context: (row, v) => row.dataset.context !== '' && Number(row.dataset.context) >= Number(v),
  text: (row, v) => (row.cells[0]?.textContent ?? '').toLowerCase().includes(v.toLowerCase()),
};

class ModelTable extends HTMLElement {
  #form: HTMLFormElement | null = null;
  #body: HTMLTableSectionElement | null = null;

  connectedCallback(): void {
    this.#form = this.querySelector('form.filters');
    this.#body = this.querySelector('tbody');
    if (!this.#form || !this.#body) return;
    this.#form.hidden = false;
    const params = new URLSearchParams(location.search);
    for (const el of Array.from(this.#form.elements)) {
      if ((el instanceof HTMLSelectElement || el instanceof HTMLInputElement) && params.has(el.name)) el.value = params.get(el.name) ?? '';
    }
    this.#form.addEventListener('input', () => this.#apply(true));
    this.#form.addEventListener('submit', (e) => e.preventDefault());
    this.#form.addEventListener('reset', () => setTimeout(() => this.#apply(true)));
    this.#setUpSorting();
    this.#apply(false);
  }

  #apply(updateUrl: boolean): void {
    if (!this.#form || !this.#body) return;
    const active: [string, string][] = [];
    for (const el of Array.from(this.#form.elements)) {
      if ((el instanceof HTMLSelectElement || el instanceof HTMLInputElement) && el.name && el.value !== '' && MATCHERS[el.name]) active.push([el.name, el.value]);
    }
    let shown = 0;
    const rows = Array.from(this.#body.rows);
    for (const row of rows) {
      const visible = active.every(([name, value]) => MATCHERS[name]!(row, value));
      row.hidden = !visible;
      if (visible) shown++;
    }
    const out = this.#form.querySelector('output');
    if (out) out.textContent = `${shown} of ${rows.length} models shown.`;
    if (updateUrl) {
      const q = new URLSearchParams(active);
      history.replaceState(null, '', `${location.pathname}${active.length ? `?${q}` : ''}`);
    }
  }

  #setUpSorting(): void {
    const headers = Array.from(this.querySelectorAll<HTMLTableCellElement>('thead th'));
    headers.forEach((th, index) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = th.textContent ?? '';
      th.textContent = '';
      th.append(button);
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        for (const other of headers) other.removeAttribute('aria-sort');
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        this.#sort(index, th.dataset.type === 'number', ascending);
      });
    });
  }

  #sort(column: number, numeric: boolean, ascending: boolean): void {
    if (!this.#body) return;
    const key = (row: Row) => {
      const cell = row.cells[column];
      return cell?.dataset.sort ?? cell?.textContent?.trim() ?? '';
    };
    const rows = Array.from(this.#body.rows);
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // Empty values (not recorded) sort last in both directions.
      if (ka === '' || kb === '') return ka === kb ? 0 : ka === '' ? 1 : -1;
      const cmp = numeric ? Number(ka) - Number(kb) : ka.localeCompare(kb);
      return ascending ? cmp : -cmp;
    });
    this.#body.append(...rows);
  }
}

customElements.define('cl-model-table', ModelTable);
