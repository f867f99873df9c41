"""Dossier from Python: the C++ engine's analysis as plain dicts, with the same schema as the JSON
Lines of `dossier analyze` / `dossier extract` (docs/document-model.md).

    import dossier
    doc = dossier.analyze("Rishi Sunak visited Leeds on Monday.\\n")
    doc["entities"][0]["name"]                      # 'Rishi Sunak'
    page = dossier.extract(html_bytes, url="https://...")
    dossier.tag("Jane Smith flew to Paris.")        # [{'type': 'PER', 'text': 'Jane Smith', ...}, ...]
    for item in dossier.read_corpus("crawl.warc.gz"):   # WARC records, HTML and text files
        doc = dossier.analyze(item["data"], kind=item["kind"], url=item.get("url"))

The engine is loaded once per set of stages and shared; every call releases the GIL while the C++
code runs, so threads (concurrent.futures.ThreadPoolExecutor) use several cores.
"""
import os
import threading
import warnings

from . import _dossier

__all__ = ["analyze", "extract", "tag", "read_corpus", "Analyzer"]

_lock = threading.Lock()
_analyzers = {}
_taggers = {}


class Analyzer:
    """An analyzer for a set of stages ("all", "foundation", "entities,time", ...), models loaded once.
    Safe to share between threads."""

    def __init__(self, stages="all", models="", data=""):
        self._engine = _dossier.Analyzer(stages, models, data)

    def analyze(self, data, *, kind="auto", url=None, published=None, path="-", sentences=True, tokens=False,
                origin=None):
        """Analyses `data` (str or bytes: crude text, HTML, gzip) and returns the document as a dict.
        kind: "auto" (HTML told from text by content, as the command line does), "html" or "text".
        published: "YYYY-MM-DD", the date relative time expressions are resolved against.
        origin: a WARC page from read_corpus (the item itself): its record goes into "source" and
        its crawl date is the fallback date, as `dossier analyze CRAWL.warc` does."""
        # The dicts are made in C++ from the engine's JSON (equal to json.loads of it, faster); the
        # engine checks `kind`.
        return self._engine.analyze(data, kind, url or "", published or "", path, sentences, tokens, origin)

    def analyze_json(self, data, *, kind="auto", url=None, published=None, path="-", sentences=True, tokens=False,
                     origin=None):
        """The same document as one line of JSON (a str, no newline), exactly as the command line
        writes it: for writing straight to disk without building dicts."""
        return self._engine.analyze_json(data, kind, url or "", published or "", path, sentences, tokens, origin)


def _analyzer(stages, models, data):
    key = (stages, models, data)
    a = _analyzers.get(key)  # the common case, without the lock (a dict read is atomic)
    if a is not None:
        return a
    with _lock:
        a = _analyzers.get(key)
        if a is None:
            a = _analyzers[key] = Analyzer(stages, models, data)
        return a


def analyze(data, *, kind="auto", url=None, published=None, stages="all", sentences=True, tokens=False,
            path="-", models="", data_dir="", origin=None):
    """One document, as `dossier analyze` writes it (a dict). Raises ValueError for input that is
    neither text nor HTML (binary data). origin: see Analyzer.analyze."""
    # Straight to the engine (this wrapper's own cost counts on small documents).
    return _analyzer(stages, models, data_dir)._engine.analyze(data, kind, url or "", published or "", path,
                                                                sentences, tokens, origin)


def extract(html, *, url=None, path="-"):
    """The article and metadata of an HTML page (str or bytes, gzip detected), as `dossier extract`
    writes them: path, title, text, bylines, published, language, site, url, blocks, metadata, source."""
    return _dossier.extract(html, url or "", path)


def tag(data, *, kind="auto", models="", data_dir=""):
    """Entity mentions found by the tagger (before in-document linking): a list of
    {type, text, source_begin, source_end}, offsets into the input bytes."""
    key = (models, data_dir)
    with _lock:
        t = _taggers.get(key)
        if t is None:
            t = _taggers[key] = _dossier.Tagger(models, data_dir)
    return t.tag(data, kind)


def read_corpus(path, errors=None):
    """Yields the documents of a file or directory (walked in sorted order): each WARC file's HTML
    records (sniffed by content), and every other file whole. Each item is a dict with "path",
    "kind" ("html" for WARC pages, "auto" for files: analyze tells HTML from text by content) and
    "data" (bytes); WARC pages add "url", "warc_date", "warc_record_id", "record_offset",
    "http_date", "http_last_modified", "content_type". Bad WARC records are skipped and appended to
    `errors` (one line each) when a list is given, else reported with warnings.warn."""
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                yield from read_corpus(os.path.join(root, name), errors)
        return
    if _dossier.looks_like_warc(path):
        pages = _dossier.WarcPages(path)
        reported = 0
        for page in pages:
            for e in pages.errors[reported:]:
                errors.append(e) if errors is not None else warnings.warn(e)
            reported = len(pages.errors)
            page["kind"] = "html"
            page["data"] = page.pop("html")
            yield page
        for e in pages.errors[reported:]:
            errors.append(e) if errors is not None else warnings.warn(e)
        return
    with open(path, "rb") as f:
        data = f.read()
    yield {"path": path, "kind": "auto", "data": data}
