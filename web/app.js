// Dossier's corpus browser: a single page over the JSON API (/api/...), routed by the URL hash.
// Every piece of corpus text reaches the page as a text node or an attribute value set through the
// DOM, never parsed as HTML: article text is untrusted.
'use strict';

const main = document.getElementById('main');

// ---- small helpers ------------------------------------------------------------------------------

// el('a', {href: '#/x', class: 'c'}, 'text', child...) -> an element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function hashFor(route, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const s = q.toString();
  return '#/' + route + (s ? '?' + s : '');
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== '' && v !== undefined && v !== null) q.set(k, v);
  const url = '/api/' + path + (q.toString() ? '?' + q : '');
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function show(title, ...nodes) {
  document.title = title + ' — Dossier';
  main.replaceChildren(...nodes);
  main.focus({preventScroll: true});
}

function showError(error) {
  show('Error', el('p', {class: 'error', role: 'alert'}, 'Error: ' + error.message));
}

function docLink(id, title, path) {
  return el('a', {href: hashFor('doc/' + id)}, title || path || ('document ' + id));
}

function entityLink(id, name) {
  return id !== null && id !== undefined ? el('a', {href: hashFor('entity/' + id)}, name) : document.createTextNode(name);
}

// A snippet whose matches are marked \u0001...\u0002 by the API: <mark> elements.
function snippet(text) {
  const p = el('p', {class: 'snippet'});
  const parts = text.split(/([\u0001\u0002])/);
  let inMark = false;
  for (const part of parts) {
    if (part === '\u0001') inMark = true;
    else if (part === '\u0002') inMark = false;
    else if (part) p.append(inMark ? el('mark', {}, part) : part);
  }
  return p;
}

function meta(...parts) {
  return el('p', {class: 'meta'}, parts.filter(Boolean).join(' · '));
}

// ---- search ------------------------------------------------------------------------------------

const SEARCH_FIELDS = [['q', 'Words'], ['entity', 'Names (any alias)'], ['speaker', 'Quotes by'],
                       ['site', 'Site'], ['from', 'Published from'], ['to', 'to']];

async function searchPage(params) {
  const form = el('form', {class: 'filters', role: 'search'});
  for (const [name, label] of SEARCH_FIELDS) {
    const input = el('input', {name, value: params.get(name) || '',
                               type: name === 'from' || name === 'to' ? 'date' : 'search'});
    form.append(el('label', {}, label, input));
  }
  const type = el('select', {name: 'type'}, el('option', {value: ''}, 'any'),
                  el('option', {value: 'html'}, 'HTML'), el('option', {value: 'text'}, 'text'));
  type.value = params.get('type') || '';
  form.append(el('label', {}, 'Type', type), el('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    for (const [k, v] of new FormData(form)) values[k] = v;
    location.hash = hashFor('search', values);
  });
  const request = {};
  for (const name of ['q', 'entity', 'speaker', 'site', 'from', 'to', 'type', 'offset']) request[name] = params.get(name) || '';
  let result;
  try {
    result = await api('search', request);
  } catch (e) {
    show('Search', form, el('p', {class: 'error', role: 'alert'}, 'Error: ' + e.message));
    return;
  }
  const hits = el('ol', {class: 'hits', start: String(Number(request.offset || 0) + 1)});
  for (const h of result.hits) {
    hits.append(el('li', {}, el('h2', {class: 'hit-title'}, docLink(h.doc_id, h.title, h.path)),
                   meta(h.site, h.published, h.type, h.path), snippet(h.snippet)));
  }
  const facets = el('aside', {'aria-label': 'Narrow the search'}, el('h2', {}, 'Narrow'));
  const facetNames = {site: 'Site', type: 'Type', year: 'Year'};
  for (const [name, values] of Object.entries(result.facets)) {
    if (!values.length) continue;
    const list = el('ul');
    for (const v of values) {
      const next = Object.fromEntries(params);
      if (name === 'year') { next.from = v.value + '-01-01'; next.to = v.value + '-12-31'; }
      else next[name] = v.value;
      delete next.offset;
      list.append(el('li', {}, el('a', {href: hashFor('search', next)}, v.value), ' (' + v.count + ')'));
    }
    facets.append(el('h3', {}, facetNames[name] || name), list);
  }
  const summary = el('p', {class: 'meta', id: 'result-count'},
                     result.hits.length ? `${result.matched_at_least}${result.matched_at_least >= 200 ? '+' : ''} documents`
                                        : 'No documents match.');
  const more = [];
  if (result.hits.length === result.limit) {
    const next = Object.fromEntries(params);
    next.offset = String(Number(request.offset || 0) + result.limit);
    more.push(el('p', {}, el('a', {href: hashFor('search', next)}, 'More results')));
  }
  show('Search', form, el('div', {class: 'layout'}, el('section', {'aria-label': 'Results'}, summary, hits, ...more), facets));
}

// ---- one document ------------------------------------------------------------------------------

// Byte offsets of the UTF-8 text -> indices of the JavaScript string.
function byteToIndex(text) {
  const map = new Uint32Array(new TextEncoder().encode(text).length + 1);
  let byte = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i);
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[byte + k] = i;
    byte += n;
    if (c >= 0x10000) i++;
  }
  map[byte] = text.length;
  return map;
}

// One block's text with its spans: cut at every span edge; each piece is wrapped in the spans
// that cover it (quote, then entity link, then time).
function renderSpans(text, begin, end, spans) {
  const cuts = new Set([begin, end]);
  const inside = spans.filter((s) => s.begin < end && s.end > begin);
  for (const s of inside) { cuts.add(Math.max(s.begin, begin)); cuts.add(Math.min(s.end, end)); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(text.slice(a, b));
    const covering = inside.filter((s) => s.begin <= a && s.end >= b);
    for (const kind of ['time', 'entity', 'quote']) {
      const s = covering.find((x) => x.kind === kind);
      if (!s) continue;
      if (kind === 'time') node = el('time', {class: 't', datetime: s.value || null, title: s.value || null}, node);
      else if (kind === 'entity') {
        node = s.corpus !== null && s.corpus !== undefined ? el('a', {class: 'ent ent-' + s.type, href: hashFor('entity/' + s.corpus), title: s.name}, node)
                        : el('span', {class: 'ent ent-' + s.type, title: s.name}, node);
      } else node = el('span', {class: 'q', title: s.speaker ? 'quote: ' + s.speaker : 'quote'}, node);
    }
    out.push(node);
  }
  return out;
}

async function documentPage(id) {
  let d;
  try { d = await api('documents/' + id); } catch (e) { showError(e); return; }
  const index = byteToIndex(d.text);
  const at = (b) => index[Math.min(b, index.length - 1)];
  const spans = [];
  for (const m of d.mentions) {
    const e = d.entities[m.entity];
    spans.push({kind: 'entity', begin: at(m.begin), end: at(m.end), type: e.type, name: e.name, corpus: e.corpus_entity});
  }
  for (const q of d.quotes) {
    if (q.begin !== null) spans.push({kind: 'quote', begin: at(q.begin), end: at(q.end), speaker: q.speaker && (q.speaker.name || q.speaker.text)});
  }
  for (const t of d.timexes) if (t.begin !== null) spans.push({kind: 'time', begin: at(t.begin), end: at(t.end), value: t.value});
  const article = el('article', {class: 'article'});
  let story = -1;
  for (const b of d.blocks) {
    if (b.story !== null && b.story !== story) {
      story = b.story;
      const title = d.stories[story] && d.stories[story].title;
      if (d.stories.length > 1) {
        article.append(el('h2', {class: 'story-title'}, title || 'Story ' + (story + 1), ' ',
                          el('a', {class: 'story-timeline', href: hashFor('timeline', {doc: id, story: String(story)})}, 'timeline')));
      }
    }
    const leftover = !['body', 'heading', 'list_item', 'caption'].includes(b.kind);
    const cls = b.kind === 'heading' ? 'heading' : b.kind === 'caption' ? 'caption' : leftover ? 'leftover' : null;
    const p = el('p', {class: cls, 'data-kind': b.kind});
    if (leftover) p.append('[' + b.kind + '] ');
    p.append(...renderSpans(d.text, at(b.begin), at(b.end), spans));
    article.append(p);
  }
  const side = el('aside', {'aria-label': 'In this document'});
  const people = el('ul');
  for (const e of d.entities) people.append(el('li', {}, entityLink(e.corpus_entity, e.name), ' ', el('span', {class: 'meta'}, e.type)));
  const quotes = el('ul');
  for (const q of d.quotes) {
    const who = q.speaker ? (q.speaker.name || q.speaker.text) : 'unknown';
    quotes.append(el('li', {}, el('strong', {}, who + ': '), '“' + q.text + '”'));
  }
  const dates = el('ul');
  for (const t of d.timexes) dates.append(el('li', {}, t.text, t.value ? ' → ' + t.value : ''));
  side.append(el('h2', {}, 'Entities'), people, el('h2', {}, 'Quotes'), quotes, el('h2', {}, 'Dates'), dates,
              el('p', {}, el('a', {href: hashFor('timeline', {doc: id})}, 'Timeline of this document')));
  const head = el('header', {}, el('h1', {id: 'doc-title'}, d.title || d.path),
                  meta(d.site, d.published, d.bylines.join(', '), d.type, d.path),
                  d.url ? el('p', {class: 'meta'}, el('a', {href: d.url, rel: 'noopener noreferrer nofollow'}, d.url)) : null);
  show(d.title || d.path, head, el('div', {class: 'layout'}, article, side));
}

// ---- entities ----------------------------------------------------------------------------------

async function entitiesPage(params) {
  const type = params.get('type') || '';
  let r;
  try { r = await api('entities', {type, sort: 'documents', limit: 300}); } catch (e) { showError(e); return; }
  const filter = el('p', {}, 'Type: ');
  for (const t of ['', 'PER', 'ORG', 'LOC', 'MISC']) {
    filter.append(el('a', {href: hashFor('entities', {type: t}), 'aria-current': t === type ? 'true' : null}, t || 'all'), ' ');
  }
  const table = el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Type'),
                                                    el('th', {}, 'Documents'), el('th', {}, 'Mentions'), el('th', {}, 'Aliases'))));
  const body = el('tbody');
  for (const e of r.entities) {
    body.append(el('tr', {}, el('td', {}, entityLink(e.id, e.name)), el('td', {}, e.type), el('td', {}, e.documents),
                   el('td', {}, e.mentions), el('td', {}, e.aliases.map((a) => a.text).filter((a) => a !== e.name).join('; '))));
  }
  table.append(body);
  show('Entities', el('h1', {}, 'Entities'), filter, table);
}

async function entityPage(id) {
  let r;
  try { r = await api('entities/' + id); } catch (e) { showError(e); return; }
  const e = r.entity;
  const aliases = el('ul', {id: 'aliases'});
  for (const a of e.aliases) aliases.append(el('li', {}, a.text, el('span', {class: 'meta'}, ' ×' + a.mentions)));
  const docs = el('ul');
  for (const d of r.documents) docs.append(el('li', {}, docLink(d.doc_id, d.title, d.path), ' ', el('span', {class: 'meta'}, [d.published, d.mentions + ' mentions'].filter(Boolean).join(' · '))));
  const co = el('ul');
  for (const c of r.co_occurring) co.append(el('li', {}, entityLink(c.id, c.name), el('span', {class: 'meta'}, ` ${c.type} · ${c.documents} shared`)));
  const quotes = el('div');
  for (const q of r.quotes) quotes.append(el('blockquote', {}, el('p', {}, '“' + q.text + '”'), meta(q.cue, q.published), el('p', {class: 'meta'}, docLink(q.doc_id, q.title, q.path))));
  show(e.name, el('h1', {id: 'entity-name'}, e.name), meta(e.type, e.documents + ' documents', e.mentions + ' mentions'),
       el('p', {}, el('a', {href: hashFor('search', {entity: e.name})}, 'Search documents naming ' + e.name), ' · ',
          el('a', {href: hashFor('timeline', {entity: e.name})}, 'Timeline')),
       el('h2', {}, 'Aliases'), aliases, el('h2', {}, 'Documents'), docs,
       el('h2', {}, 'Named with'),
       r.co_occurring_over < e.documents
           ? el('p', {class: 'meta'}, `Counted over the newest ${r.co_occurring_over} of its ${e.documents} documents.`)
           : '',
       co, el('h2', {}, 'Quotes'), quotes.childNodes.length ? quotes : el('p', {class: 'meta'}, 'None.'));
}

// ---- quotes ------------------------------------------------------------------------------------

async function quotesPage(params) {
  const speaker = params.get('speaker') || '';
  const form = el('form', {class: 'filters', role: 'search'},
                  el('label', {}, 'Speaker (any alias)', el('input', {name: 'speaker', type: 'search', value: speaker})),
                  el('button', {type: 'submit'}, 'Show quotes'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = hashFor('quotes', {speaker: new FormData(form).get('speaker')});
  });
  const list = el('div');
  if (speaker) {
    let r;
    try { r = await api('quotes', {speaker}); } catch (e) { showError(e); return; }
    for (const q of r.quotes) {
      const who = q.speaker ? (q.speaker.name || q.speaker.text) : speaker;
      list.append(el('blockquote', {}, el('p', {}, el('strong', {}, who + ': '), '“' + q.text + '”'),
                     el('p', {class: 'meta'}, docLink(q.doc_id, q.title, q.path), q.published ? ' · ' + q.published : '')));
    }
    if (!r.quotes.length) list.append(el('p', {}, 'No quotes by ' + speaker + '.'));
  } else {
    let r;
    try { r = await api('entities', {type: 'PER', sort: 'documents', limit: 40}); } catch (e) { showError(e); return; }
    const people = el('ul');
    for (const e of r.entities) people.append(el('li', {}, el('a', {href: hashFor('quotes', {speaker: e.name})}, e.name)));
    list.append(el('h2', {}, 'People in the corpus'), people);
  }
  show('Quotes', el('h1', {}, 'Quotes'), form, list);
}

// ---- timeline ----------------------------------------------------------------------------------

async function timelinePage(params) {
  const entity = params.get('entity') || '';
  const doc = params.get('doc') || '';
  const story = params.get('story') || '';
  const form = el('form', {class: 'filters'},
                  el('label', {}, 'Naming (any alias)', el('input', {name: 'entity', type: 'search', value: entity})),
                  el('button', {type: 'submit'}, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = hashFor('timeline', {entity: new FormData(form).get('entity')});
  });
  let r;
  try { r = await api('timeline', {entity, doc, story}); } catch (e) { showError(e); return; }
  const list = el('ol', {class: 'timeline'});
  for (const ev of r.events) {
    list.append(el('li', {}, el('time', {datetime: ev.date}, ev.date), ' — ', ev.text, ' ',
                   el('span', {class: 'meta'}, '(', docLink(ev.doc_id, ev.title, ev.path), ')')));
  }
  const scope = doc ? el('p', {class: 'meta'}, story !== '' ? `Story ${Number(story) + 1} of ` : 'Only ',
                         el('a', {href: hashFor('doc/' + doc)}, 'this document'),
                         ' (', el('a', {href: hashFor('timeline', {entity})}, 'all documents'), ')') : '';
  show('Timeline', el('h1', {}, 'Timeline'), form, scope, r.events.length ? list : el('p', {}, 'No dated events.'));
}

// ---- routing -----------------------------------------------------------------------------------

// Which page to render for the current hash.
function renderPage() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/');
  const section = parts[0] || 'search';
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (section === 'doc' && parts[1]) return documentPage(parts[1]);
  if (section === 'entity' && parts[1]) return entityPage(parts[1]);
  if (section === 'entities') return entitiesPage(params);
  if (section === 'quotes') return quotesPage(params);
  if (section === 'timeline') return timelinePage(params);
  return searchPage(params);
}

// main[data-rendered] names the hash whose page is fully shown, so a reader (or a browser test)
// can tell the new page from the previous one: a hash change keeps the old page until the
// answer arrives.
async function route() {
  const hash = location.hash;
  delete main.dataset.rendered;
  await renderPage();
  if (location.hash === hash) main.dataset.rendered = hash;
}

async function stats() {
  try {
    const s = await api('stats');
    document.getElementById('stats').textContent =
        `${s.documents} documents · ${s.corpus_entities} entities · ${s.quotes} quotes`;
  } catch (e) { /* the page works without the counts */ }
}

window.addEventListener('hashchange', route);
stats();
route();
