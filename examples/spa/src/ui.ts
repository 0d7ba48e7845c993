type Child = Node | string | null | false;

/** A tiny element builder: tag, attributes (on… are listeners), children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (value !== undefined && value !== false) el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

/** A labelled input: the label is the accessible name the tests (and screen readers) find it by. */
export function field(label: string, name: string, type = 'text', extra: Record<string, unknown> = {}): HTMLLabelElement {
  return h('label', {}, label, h('input', { name, type, required: true, ...extra }));
}

/** Where a page says what went wrong (role=alert) or what happened (role=status). */
export function message(): { el: HTMLParagraphElement; error(text: string): void; info(text: string): void } {
  const el = h('p');
  return {
    el,
    error: (text) => {
      el.setAttribute('role', 'alert');
      el.textContent = text;
    },
    info: (text) => {
      el.setAttribute('role', 'status');
      el.textContent = text;
    },
  };
}

/**
 * A form whose submit button says what it does; `submit` gets the values by field name. The button is disabled while
 * the request runs, so a double click sends one request.
 */
export function form(buttonLabel: string, fields: HTMLElement[], submit: (values: Record<string, string>) => Promise<void>): HTMLFormElement {
  const button = h('button', { type: 'submit' }, buttonLabel);
  const el = h('form', {}, ...fields, button);
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(el)].map(([k, v]) => [k, String(v)]));
    button.disabled = true;
    void submit(values).finally(() => (button.disabled = false));
  });
  return el;
}

/** An in-app link: history navigation, no reload (a reload would cost a refresh). */
export function link(text: string, path: string): HTMLAnchorElement {
  return h('a', { href: path, onclick: (e: Event) => (e.preventDefault(), navigate(path)) }, text);
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function page(title: string, ...children: (HTMLElement | string | false)[]): HTMLElement[] {
  document.title = `${title} · Gatehouse example`;
  return [h('h1', {}, title), ...children.filter((c): c is HTMLElement | string => c !== false).map((c) => (typeof c === 'string' ? h('p', {}, c) : c))];
}
