"""Dossier on a Dask cluster: a directory of WARC, HTML and text files analysed by worker processes,
one JSON Lines part file per partition, then the corpus entities merged in a reduce step.

    python3 -m dossier.dask INPUT_DIR --out OUT_DIR [--scheduler ADDRESS] [--workers N] [--stages all]

Without --scheduler a LocalCluster of N worker processes (one thread each) runs on this machine;
with it, the workers of that cluster do the work, and INPUT_DIR and OUT_DIR must be paths that every
worker sees (a shared file system). Output (docs/scale-out.md):

    OUT_DIR/parts/part-00000.jsonl            documents, one a line, exactly as `dossier analyze` writes them
    OUT_DIR/parts/part-00000.entities.jsonl   {"document", "entities"}: each document's entity summaries
    OUT_DIR/entities.jsonl                    corpus entities, as `dossier analyze --batch-entities` writes them
    OUT_DIR/manifest.json                     partitions, counts, errors, timings

Partitions follow the input order (files sorted, as `dossier.read_corpus` walks them), so the part
files read in order are the single-process `dossier analyze FILES...` output, line for line. Each
part file is written to a temporary name and renamed when complete: a task retried after its worker
died overwrites the same part instead of adding to it, so no document is lost or duplicated.
"""
import argparse
import ctypes
import json
import os
import signal
import sys
import time
import uuid

import dossier
from dossier import _dossier

# What is taken from INPUT_DIR (other files, e.g. READMEs, are left alone). WARC files are told by
# content, as the command line does.
INPUT_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz", ".txt", ".txt.gz", ".warc", ".warc.gz")
PARTS = "parts"


def list_inputs(input_dir):
    """The input files under `input_dir`, in the order `dossier.read_corpus` walks them."""
    if os.path.isfile(input_dir):
        return [input_dir]
    found = []
    for root, dirs, files in os.walk(input_dir):
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(INPUT_SUFFIXES):
                found.append(os.path.join(root, name))
    return found


def count_warc_pages(path):
    """How many HTML pages a WARC file holds (one read through it)."""
    return sum(1 for _ in _dossier.WarcPages(path))


def make_partitions(paths, files_per_task=64, bytes_per_task=16 << 20, warc_pages_per_task=0):
    """Tasks of bounded size, in input order: runs of plain files (at most `files_per_task` files
    and about `bytes_per_task` bytes), and each WARC file whole or, with `warc_pages_per_task`, as
    ranges of that many pages (the file is then read once here to count them). Each partition is
    {"index", "files": [path, ...]} or {"index", "warc": path, "pages": [first, end] or None}."""
    parts = []
    run, run_bytes = [], 0

    def close_run():
        nonlocal run, run_bytes
        if run:
            parts.append({"files": run})
        run, run_bytes = [], 0

    for path in paths:
        if _dossier.looks_like_warc(path):
            close_run()
            if warc_pages_per_task > 0:
                n = count_warc_pages(path)
                for first in range(0, n, warc_pages_per_task):
                    parts.append({"warc": path, "pages": [first, min(n, first + warc_pages_per_task)], "of": n})
            else:
                parts.append({"warc": path, "pages": None})
            continue
        size = os.path.getsize(path)
        if run and (len(run) >= files_per_task or run_bytes + size > bytes_per_task):
            close_run()
        run.append(path)
        run_bytes += size
    close_run()
    for i, p in enumerate(parts):
        p["index"] = i
    return parts


def part_path(out_dir, index, suffix=".jsonl"):
    return os.path.join(out_dir, PARTS, "part-%05d%s" % (index, suffix))


def _items(part, errors):
    """(data, kind, path, origin, member name) for each document of a partition; a WARC file's bad
    records in the partition's range are appended to `errors` (one line each) and skipped."""
    if "files" in part:
        for path in part["files"]:
            with open(path, "rb") as f:
                yield f.read(), "auto", path, None, path
        return
    path = part["warc"]
    first, end = part["pages"] if part["pages"] else (0, None)
    pages = _dossier.WarcPages(path)
    # A bad record belongs to the range of the page after it: the errors seen between reading page
    # first-1 and page end-1 are this partition's.
    seen_before, seen_until = 0, None
    for i, page in enumerate(pages):
        if end is not None and i >= end:
            break
        if i == first - 1:
            seen_before = len(pages.errors)
        if i < first:
            continue
        seen_until = len(pages.errors)
        # A record in the corpus entities' members is the WARC file and the record's offset, as in
        # `dossier analyze --batch-entities`.
        yield page.pop("html"), "html", path, page, "%s#%d" % (path, page["record_offset"])
    else:
        seen_until = None  # the file's end: the errors after its last page are the last range's
    errors.extend(pages.errors[seen_before:seen_until])


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt parameters
_tuned = False


def _tune_malloc():
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also fixes glibc's mmap
    threshold at 128 KB: every page-sized buffer (a WARC record, its decoded text, the JSON) is then
    mmap'd and unmapped again, and the analysis costs ~60% more CPU (bench/RESULTS.md). Buffers
    below 64 MB come from the heap again; memory is still returned past 32 MB free. Once per process."""
    global _tuned
    if _tuned:
        return
    _tuned = True
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, 64 << 20)
        libc.mallopt(_M_TRIM_THRESHOLD, 32 << 20)
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


def analyse_partition(part, out_dir, stages="all", crash_once=None):
    """The map step, on a worker: every document of `part` analysed in this process (the C++ engine,
    the GIL released) and its JSON line written as the engine made it (no dicts), with the entity
    summaries beside it. Both files are written under temporary names and renamed at the end.
    crash_once: (partition index, marker path), for the tests only: the first attempt at that
    partition kills its own worker process half-way through."""
    _tune_malloc()
    started, t0, c0 = time.time(), time.perf_counter(), time.process_time()
    engine = dossier._analyzer(stages, "", "")._engine
    final_docs, final_entities = part_path(out_dir, part["index"]), part_path(out_dir, part["index"], ".entities.jsonl")
    tag = ".tmp-%d-%s" % (os.getpid(), uuid.uuid4().hex)
    documents, in_bytes, errors = 0, 0, []
    with open(final_docs + tag, "w", encoding="utf-8") as docs, \
            open(final_entities + tag, "w", encoding="utf-8") as entities:
        for data, kind, path, origin, member in _items(part, errors):
            if crash_once and crash_once[0] == part["index"] and documents == 1 and not os.path.exists(crash_once[1]):
                docs.flush()
                open(crash_once[1], "w").close()
                os.kill(os.getpid(), signal.SIGKILL)
            in_bytes += len(data)
            try:
                doc, summary = engine.analyze_json_with_entities(data, kind, "", "", path, True, False, origin)
            except ValueError as e:  # not text nor HTML: reported, the others go on (as the command line does)
                errors.append("%s: %s" % (member, e))
                continue
            docs.write(doc)
            docs.write("\n")
            entities.write('{"document":%s,"entities":%s}\n' % (json.dumps(member, ensure_ascii=False), summary))
            documents += 1
    os.replace(final_entities + tag, final_entities)
    os.replace(final_docs + tag, final_docs)
    return {"index": part["index"], "documents": documents, "bytes": in_bytes, "errors": errors,
            "wall_s": time.perf_counter() - t0, "cpu_s": time.process_time() - c0, "worker_pid": os.getpid(),
            "started": started, "ended": time.time()}


def merge_entities(out_dir, results, write_entities=True):
    """The reduce step: the entity summaries of every partition, in partition (= input) order, merged
    by the C++ corpus linker into OUT_DIR/entities.jsonl; then OUT_DIR/manifest.json. Runs as one
    task on the cluster, after every map task."""
    t0 = time.perf_counter()
    results = sorted(results, key=lambda r: r["index"])
    entities = 0
    if write_entities:
        linker = _dossier.CorpusLinker()
        for r in results:
            with open(part_path(out_dir, r["index"], ".entities.jsonl"), encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    linker.add(d["document"], d["entities"])
        lines = linker.link_json()
        entities = len(lines)
        _write_atomically(os.path.join(out_dir, "entities.jsonl"), "".join(l + "\n" for l in lines))
    return {"entities": entities, "documents_linked": sum(r["documents"] for r in results),
            "reduce_wall_s": time.perf_counter() - t0}


def _write_atomically(path, text):
    tmp = path + ".tmp-%d-%s" % (os.getpid(), uuid.uuid4().hex)
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def _clear_old_parts(out_dir, keep):
    """Part files of an earlier run in OUT_DIR that this run will not write, and temporary files left
    by killed tasks: removed so that OUT_DIR/parts holds this run's output only."""
    d = os.path.join(out_dir, PARTS)
    for name in os.listdir(d):
        if not name.startswith("part-"):
            continue
        base = name.split(".", 1)[0]
        if ".tmp-" in name or base not in keep:
            os.remove(os.path.join(d, name))


def _load_engine(stages):
    _tune_malloc()
    dossier._analyzer(stages, "", "")
    return os.getpid()


# Dask's own periodic work, turned down for the LocalCluster this module starts: the statistical
# profiler (a thread sampling the task's stack every 10 ms), the nanny's memory monitor (every
# 100 ms), the system monitor (every 500 ms), every event loop's blocked-loop check (every 20 ms, in
# the scheduler, each nanny and each worker) and the scheduler's work-stealing pass (every 100 ms).
# Each takes CPU from the cores the analysis runs on (bench/RESULTS.md, "Scale-out on Dask"); none
# is needed to run tasks, retry them or restart a dead worker. A real cluster's workers keep their
# own configuration.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.tick.interval": "500ms",
    "distributed.scheduler.work-stealing-interval": "1s",
}


def partition_cost(part):
    """A rough size of a partition's work, for scheduling the largest first (input bytes; a compressed
    WARC file counted at 5 times its size, a page range at its share of the file)."""
    if "files" in part:
        return sum(os.path.getsize(p) * (5 if p.endswith(".gz") else 1) for p in part["files"])
    size = os.path.getsize(part["warc"]) * (5 if part["warc"].endswith(".gz") else 1)
    if part.get("pages"):
        first, end = part["pages"]
        return size * (end - first) // max(1, part.get("of", end))
    return size


def worker_accounting(results, map_started, map_ended):
    """Per worker process, from the tasks' own clocks: tasks, busy (wall) and task CPU seconds, and
    idle seconds inside the map window [map_started, map_ended] (epoch seconds): the time a worker
    had no task, mostly at the end (the tail) and between tasks (scheduling). One machine's clock
    for a LocalCluster; on a real cluster, worker clocks may differ a little."""
    by_pid = {}
    for r in results:
        w = by_pid.setdefault(r["worker_pid"], {"tasks": 0, "busy_s": 0.0, "cpu_s": 0.0, "first": r["started"],
                                                 "last": r["ended"]})
        w["tasks"] += 1
        w["busy_s"] += r["ended"] - r["started"]
        w["cpu_s"] += r["cpu_s"]
        w["first"] = min(w["first"], r["started"])
        w["last"] = max(w["last"], r["ended"])
    window = map_ended - map_started
    out = {}
    for pid, w in sorted(by_pid.items()):
        out[str(pid)] = {"tasks": w["tasks"], "busy_s": round(w["busy_s"], 4), "cpu_s": round(w["cpu_s"], 4),
                         "idle_s": round(window - w["busy_s"], 4), "before_first_s": round(w["first"] - map_started, 4),
                         "after_last_s": round(map_ended - w["last"], 4)}
    return out


def run(input_dir, out_dir, *, client=None, scheduler=None, workers=2, stages="all", files_per_task=64,
        bytes_per_task=16 << 20, warc_pages_per_task=0, crash_once=None, log=None, on_map=None):
    """Analyses INPUT_DIR on a Dask cluster into OUT_DIR and returns the manifest (a dict). The
    cluster: `client` (a distributed.Client) if given, else one for `scheduler` (an address), else a
    LocalCluster of `workers` processes started here (with QUIET_WORKERS) and closed at the end.
    on_map: called with "start" just before the first task is submitted and "end" after the last
    result (the benchmark reads every process's CPU time there)."""
    import dask
    from distributed import Client, LocalCluster, as_completed

    paths = list_inputs(input_dir)
    parts = make_partitions(paths, files_per_task, bytes_per_task, warc_pages_per_task)
    os.makedirs(os.path.join(out_dir, PARTS), exist_ok=True)
    _clear_old_parts(out_dir, {"part-%05d" % p["index"] for p in parts})
    cluster = own_client = None
    if client is None:
        if scheduler:
            client = own_client = Client(scheduler)
        else:
            with dask.config.set(QUIET_WORKERS):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None)
            client = own_client = Client(cluster)
    try:
        # Models loaded once on every worker before the clock starts (a worker started later, e.g.
        # one restarted after a crash, loads them in its first task).
        t0 = time.perf_counter()
        pids = client.run(_load_engine, stages)
        load_s = time.perf_counter() - t0
        if on_map:
            on_map("start")
        t0, map_started = time.perf_counter(), time.time()
        run_id = uuid.uuid4().hex[:8]
        # The largest partitions first (a higher priority runs first), so that the last tasks to run
        # are small ones and no worker waits long for another to finish; output order is unchanged.
        futures = [client.submit(analyse_partition, p, out_dir, stages, crash_once, priority=partition_cost(p),
                                 key="dossier-part-%05d-%s" % (p["index"], run_id), pure=False) for p in parts]
        results = []
        for future in as_completed(futures):
            r = future.result()
            results.append(r)
            for e in r["errors"]:
                print("dossier.dask: " + e, file=sys.stderr)
            if log:
                log(r)
        map_s, map_ended = time.perf_counter() - t0, time.time()
        if on_map:
            on_map("end")
        write_entities = "entities" in stages or "quotes" in stages or "all" in stages
        merged = client.submit(merge_entities, out_dir, results, write_entities, pure=False).result()
        wall_s = time.perf_counter() - t0
        workers_seen = len(pids)
    finally:
        if own_client is not None:
            own_client.close()
        if cluster is not None:
            cluster.close()
    _clear_old_parts(out_dir, {"part-%05d" % p["index"] for p in parts})  # temporary files of killed tasks
    results.sort(key=lambda r: r["index"])
    documents = sum(r["documents"] for r in results)
    in_bytes = sum(r["bytes"] for r in results)
    manifest = {
        "input": input_dir, "stages": stages, "workers": workers_seen, "files": len(paths),
        "partitions": [{"index": p["index"], "part": os.path.relpath(part_path(out_dir, p["index"]), out_dir),
                        **{k: p[k] for k in ("files", "warc", "pages") if k in p},
                        "documents": r["documents"], "bytes": r["bytes"], "cpu_s": round(r["cpu_s"], 4),
                        "errors": r["errors"]} for p, r in zip(parts, results)],
        "documents": documents, "bytes": in_bytes, "errors": sum(len(r["errors"]) for r in results),
        "entities": merged["entities"],
        "seconds": {"load_models": load_s, "map": map_s, "reduce": merged["reduce_wall_s"], "total": wall_s,
                    "task_cpu": sum(r["cpu_s"] for r in results)},
        "worker_processes": worker_accounting(results, map_started, map_ended),
        "documents_per_s": documents / map_s if map_s else 0.0,
        "mb_per_s": in_bytes / 1e6 / map_s if map_s else 0.0,
    }
    _write_atomically(os.path.join(out_dir, "manifest.json"), json.dumps(manifest, indent=1) + "\n")
    return manifest


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m dossier.dask", description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a directory of .warc[.gz], .html[.gz], .htm, .txt files (walked), or one file")
    ap.add_argument("--out", required=True, help="output directory (parts/, entities.jsonl, manifest.json)")
    ap.add_argument("--scheduler", help="address of a Dask scheduler (tcp://host:8786); default: a LocalCluster")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="worker processes of the LocalCluster (one thread each; default: one per core)")
    ap.add_argument("--stages", default="all", help="as `dossier analyze --stages` (default all)")
    ap.add_argument("--files-per-task", type=int, default=64, help="plain files per task (default 64)")
    ap.add_argument("--bytes-per-task", type=int, default=16 << 20, help="about this many input bytes per task")
    ap.add_argument("--warc-pages-per-task", type=int, default=0,
                    help="split WARC files into tasks of this many pages (0: a WARC file is one task)")
    args = ap.parse_args(argv)
    if not os.path.exists(args.input):
        ap.error("no such input: " + args.input)
    m = run(args.input, args.out, scheduler=args.scheduler, workers=args.workers, stages=args.stages,
            files_per_task=args.files_per_task, bytes_per_task=args.bytes_per_task,
            warc_pages_per_task=args.warc_pages_per_task)
    s = m["seconds"]
    print("dossier.dask: %d documents (%.1f MB) from %d files in %d partitions on %d workers; %d entities; "
          "%.1f s map (%.1f documents/s, %.2f MB/s), %.1f s reduce; %d errors"
          % (m["documents"], m["bytes"] / 1e6, m["files"], len(m["partitions"]), m["workers"], m["entities"],
             s["map"], m["documents_per_s"], m["mb_per_s"], s["reduce"], m["errors"]), file=sys.stderr)
    return 1 if m["errors"] else 0


if __name__ == "__main__":
    # Run through the module's own name so that the tasks pickle by reference (dossier.dask.*), not
    # as functions of __main__.
    from dossier import dask as _runner
    sys.exit(_runner.main())
