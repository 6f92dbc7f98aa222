// The inbox works without this file: every action is a form that posts and gets a page
// back. With it, the forms of a signed-in page (its <main data-inbox-enhance>) are sent
// with fetch, and the answer's <main> replaces this one's: no page load, the place on the
// page kept, the error summary focused when the action was refused, "Saved" said when it
// was done. Whatever this script cannot handle is left to the browser's own submit.
(() => {
  'use strict';

  const MARKER = 'data-inbox-enhance';
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams || !window.history) return;
  if (!document.querySelector(`main[${MARKER}]`)) return;

  const busy = new WeakSet();
  const native = new WeakSet();
  let shown = withoutHash(location.href);

  function withoutHash(url) {
    const parsed = new URL(url, location.href);
    parsed.hash = '';
    return parsed.href;
  }

  function currentMain() {
    return document.querySelector('main');
  }

  function submitterOf(event, form) {
    const button = event.submitter;
    return button && button.form === form ? button : null;
  }

  function methodOf(form, submitter) {
    const method =
      submitter && submitter.hasAttribute('formmethod') ? submitter.formMethod : form.method;
    return String(method).toLowerCase();
  }

  function actionOf(form, submitter) {
    return submitter && submitter.hasAttribute('formaction') ? submitter.formAction : form.action;
  }

  /** The fields as the browser would send them: the form's, and the button's own name. */
  function fieldsOf(form, submitter) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== 'string') return null; // a file: only the browser sends it right
      params.append(name, value);
    }
    if (submitter && submitter.name) params.append(submitter.name, submitter.value);
    return params;
  }

  /** Only same-origin forms of this page's content, to this window, of a kind fetch can send. */
  function enhanceable(form, submitter) {
    const main = currentMain();
    if (!main || !main.hasAttribute(MARKER) || !main.contains(form)) return false;
    if (native.has(form)) return false;
    const target = (submitter && submitter.getAttribute('formtarget')) || form.target;
    if (target && target !== '_self') return false;
    const method = methodOf(form, submitter);
    if (method !== 'post' && method !== 'get') return false;
    return new URL(actionOf(form, submitter), location.href).origin === location.origin;
  }

  /** Lets the browser send the form itself, with the same button, as if this script were absent. */
  function submitNatively(form, submitter) {
    native.add(form);
    if (submitter) submitter.disabled = false;
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit(submitter || undefined);
      return;
    }
    if (submitter && submitter.hasAttribute('formaction')) form.action = submitter.formAction;
    form.submit();
  }

  function announce(text) {
    const region = document.querySelector('[data-inbox-status]');
    if (!region || !text) return;
    // Emptied first, so that the same words are said again for a second action.
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 50);
  }

  function parse(html) {
    return new DOMParser().parseFromString(html, 'text/html');
  }

  /** The answer's page in place of this one's content; false when it has no <main>. */
  function show(next) {
    const incoming = next.querySelector('main');
    const main = currentMain();
    if (!incoming || !main) return false;
    // A copy of the list first: adopting a node takes it out of the live one.
    const nodes = Array.from(incoming.childNodes);
    main.replaceChildren(...nodes.map((node) => document.adoptNode(node)));
    for (const name of [MARKER, 'data-saved-text']) {
      if (incoming.hasAttribute(name)) main.setAttribute(name, incoming.getAttribute(name));
      else main.removeAttribute(name);
    }
    if (next.title) document.title = next.title;
    // The language switch points at the page being shown.
    const switcher = document.querySelector('.language-switch');
    const nextSwitcher = next.querySelector('.language-switch');
    if (switcher && nextSwitcher) switcher.setAttribute('href', nextSwitcher.getAttribute('href'));
    return true;
  }

  /** Focus back on the same button of the new content when it is still there, else on <main>. */
  function refocus(form, submitter) {
    const main = currentMain();
    const action = form.getAttribute('action');
    const label = submitter ? submitter.textContent.trim() : null;
    for (const candidate of main.querySelectorAll('form')) {
      if (candidate.getAttribute('action') !== action) continue;
      for (const button of candidate.querySelectorAll('button, input[type="submit"]')) {
        const text = (button.textContent || button.value || '').trim();
        if (label === null || text === label) {
          button.focus({ preventScroll: true });
          return;
        }
      }
    }
    main.focus({ preventScroll: true });
  }

  async function load(url, init) {
    const response = await window.fetch(url, {
      credentials: 'same-origin',
      redirect: 'follow',
      headers: { Accept: 'text/html' },
      ...init,
    });
    const type = response.headers.get('content-type') || '';
    if (!/^text\/html\b/i.test(type)) throw new Error(`not a page: ${type}`);
    return { response, html: await response.text() };
  }

  async function send(form, submitter) {
    const method = methodOf(form, submitter);
    const fields = fieldsOf(form, submitter);
    if (!fields) return submitNatively(form, submitter);
    let url = actionOf(form, submitter);
    const init = { method: method.toUpperCase() };
    if (method === 'get') {
      const target = new URL(url, location.href);
      target.search = fields.toString();
      url = target.href;
    } else {
      init.body = fields;
    }

    busy.add(form);
    form.setAttribute('aria-busy', 'true');
    if (submitter) submitter.disabled = true;
    let answer;
    try {
      answer = await load(url, init);
    } catch {
      // The network or the server did not answer with a page: the browser tries itself.
      busy.delete(form);
      form.removeAttribute('aria-busy');
      return submitNatively(form, submitter);
    }
    busy.delete(form);
    form.removeAttribute('aria-busy');
    if (submitter) submitter.disabled = false;

    const { response, html } = answer;
    const next = parse(html);
    // Sent elsewhere (signed out on the way, say): go there as the browser would have.
    const redirectedAway = response.redirected && !next.querySelector(`main[${MARKER}]`);
    if (redirectedAway) {
      window.location.assign(response.url);
      return;
    }
    // Not one of the service's pages (a proxy's, say): the browser posts and shows it itself.
    if (!show(next)) return submitNatively(form, submitter);

    // A redirect (done) or a GET ends on the page shown now; a refused post keeps the
    // address of the page it was sent from, which a reload can fetch again.
    if (response.redirected || method === 'get') {
      const address = withoutHash(response.url);
      if (method === 'get' && address !== shown) history.pushState({ inbox: true }, '', address);
      else if (address !== shown) history.replaceState({ inbox: true }, '', address);
      shown = address;
    }

    const main = currentMain();
    const summary = main.querySelector('#error-summary, .error-summary');
    if (summary) {
      if (!summary.hasAttribute('tabindex')) summary.setAttribute('tabindex', '-1');
      summary.focus();
    } else {
      refocus(form, submitter);
      if (method === 'post' && response.ok) announce(main.getAttribute('data-saved-text'));
    }
    document.dispatchEvent(
      new CustomEvent('inbox:updated', { detail: { status: response.status, url: response.url } }),
    );
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    const submitter = submitterOf(event, form);
    if (!enhanceable(form, submitter)) return;
    event.preventDefault();
    if (busy.has(form)) return; // one post at a time: a second click does not send it twice
    void send(form, submitter);
  });

  // Back and forward between filtered lists: show the page of the address, as a load would.
  window.addEventListener('popstate', () => {
    const address = withoutHash(location.href);
    if (address === shown) return;
    load(address, { method: 'GET' })
      .then(({ html }) => {
        if (!show(parse(html))) throw new Error('no content');
        shown = address;
      })
      .catch(() => window.location.reload());
  });
})();
