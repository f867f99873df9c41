#!/usr/bin/env python3
"""Throughput of the Dask runner (python3 -m dossier.dask) with 1 and 2 worker processes on the same
generated input, and the speed-up between them; also the per-core figures a capacity plan needs
(documents per CPU second of the tasks) and the command line on the same files for comparison.

The input, made once in WORK_DIR/input (generated data: keep it out of the repository): the news pages
of ../shared/data/extraction/scrapinghub (136 real pages, gzip) packed into .warc.gz files of 100
pages each, as a crawl writes them, cycling through the pages with a varied URL for each copy; and
crude-text files cut from samples/crude-scrape-example.txt and bench/data/*/ texts (varied by
document number). --documents N splits them 2:1 between WARC pages and text files.

  PYTHONPATH=build/python /usr/bin/python3 bench/dask_scaling.py BUILD_DIR WORK_DIR
      [--documents 2400] [--repeats 2] [--stages all] [--workers 1,2] [--warc-pages-per-task N] [--no-control]

Each run also prints where the CPU went during the map (worker processes: the tasks and Dask's own
work in them; the driver with the scheduler and the nannies) and each worker's idle time. Then a
control without Dask: the same partitions through the same task function in 1, then 2 plain
processes released together, which shows what two busy cores allow by themselves.
"""
import argparse
import glob
import gzip
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import make_warc as mw  # noqa: E402


def text_documents():
    lines = []
    for path in [os.path.join(ROOT, "samples", "crude-scrape-example.txt")] + \
            sorted(glob.glob(os.path.join(ROOT, "bench", "data", "*", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            lines += [l.strip() for l in f if len(l.strip()) > 40]
    docs, k = [], 0
    while k < len(lines):
        size = 4 + len(docs) % 9
        docs.append(lines[k:k + size])
        k += size
    return docs


def html_pages():
    pages = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "data", "extraction", "scrapinghub", "html",
                                          "*.html.gz")))
    if pages:
        return [gzip.open(p).read() for p in pages]
    # Without the shared data: pages made from the sample's paragraphs.
    return [("<!DOCTYPE html><html lang=en><head><title>%s</title></head><body><article><h1>%s</h1>%s"
             "</article></body></html>" % (d[0], d[0], "".join("<p>%s</p>" % p for p in d[1:]))).encode()
            for d in text_documents()]


def make_input(directory, n):
    if os.path.exists(os.path.join(directory, "done")):
        return
    os.makedirs(os.path.join(directory, "crawl"), exist_ok=True)
    os.makedirs(os.path.join(directory, "text"), exist_ok=True)
    pages, texts = html_pages(), text_documents()
    n_pages = n * 2 // 3
    for w in range(0, n_pages, 100):
        recs = [mw.warcinfo()]
        for i in range(w, min(n_pages, w + 100)):
            recs += mw.page_records(pages[i % len(pages)], "https://news%d.example/article/%d" % (i % 7, i), i)
        mw.write_warc(os.path.join(directory, "crawl", "crawl-%04d.warc.gz" % (w // 100)), recs)
    for i in range(n - n_pages):
        d = texts[i % len(texts)]
        # Varied: a dateline and the paragraphs rotated by the document number.
        r = i % len(d)
        body = d[r:] + d[:r]
        with open(os.path.join(directory, "text", "doc-%05d.txt" % i), "w", encoding="utf-8") as f:
            f.write("Posted %d May 2025\n%s\n" % (1 + i % 28, "\n".join(body)))
    open(os.path.join(directory, "done"), "w").close()


def cli_cpu(build, files, stages):
    """CPU seconds (user+sys) of `dossier analyze -j 1` over the files, and its output's document count."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([os.path.join(build, "dossier"), "analyze", "--no-progress", "--stages", stages, "-j", "1",
                        *files], stdout=subprocess.PIPE, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), r.stdout.count(b"\n")


def tree_cpu():
    """CPU seconds (user+sys) so far of this process (the driver: the client and, for a LocalCluster,
    the scheduler and the nannies, which live in it as objects on its event loop) and of the
    processes below it: the worker processes (multiprocessing spawn children) and any other."""
    import psutil
    me = psutil.Process()
    t = me.cpu_times()
    out = {"driver": t.user + t.system, "workers": 0.0, "other": 0.0}
    for child in me.children(recursive=True):
        try:
            t = child.cpu_times()
            cmd = " ".join(child.cmdline())
        except psutil.Error:
            continue
        out["workers" if "spawn_main" in cmd else "other"] += t.user + t.system
    return out


def _control_process(parts, out_dir, stages, barrier, results):
    from dossier import dask as runner
    runner._load_engine(stages)
    barrier.wait()
    t0, c0 = time.time(), time.process_time()
    docs = sum(runner.analyse_partition(p, out_dir, stages)["documents"] for p in parts)
    results.put((t0, time.time(), time.process_time() - c0, docs))


def control_without_dask(input_dir, out_dir, stages, processes, files_per_task):
    """The same map work without Dask: `processes` plain Python processes (multiprocessing, spawned),
    each with the models loaded, released together, each running analyse_partition over its share of
    the same partitions (largest first, each to the least loaded process). Returns (wall seconds
    from the release to the last end, CPU seconds of the work in all processes, documents). With 1
    and 2, this is what the machine itself gives two processes: what a second busy core costs in CPU
    per document (shared caches, memory bandwidth, clock), whatever the runner does."""
    import multiprocessing
    from dossier import dask as runner
    parts = runner.make_partitions(runner.list_inputs(input_dir), files_per_task)
    shares, loads = [[] for _ in range(processes)], [0] * processes
    for p in sorted(parts, key=runner.partition_cost, reverse=True):
        k = loads.index(min(loads))
        shares[k].append(p)
        loads[k] += runner.partition_cost(p)
    os.makedirs(os.path.join(out_dir, runner.PARTS), exist_ok=True)
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    procs = [ctx.Process(target=_control_process, args=(shares[k], out_dir, stages, barrier, results))
             for k in range(processes)]
    for p in procs:
        p.start()
    got = [results.get() for _ in procs]
    for p in procs:
        p.join()
    return (max(g[1] for g in got) - min(g[0] for g in got), sum(g[2] for g in got), sum(g[3] for g in got))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build")
    ap.add_argument("work")
    ap.add_argument("--documents", type=int, default=2400)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--stages", default="all")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--files-per-task", type=int, default=50)
    ap.add_argument("--warc-pages-per-task", type=int, default=0)
    ap.add_argument("--no-control", action="store_true", help="skip the command-line runs without Dask")
    args = ap.parse_args()
    from dossier import dask as runner

    input_dir = os.path.join(args.work, "input")
    make_input(input_dir, args.documents)
    files = runner.list_inputs(input_dir)
    print("input: %d files, %.1f MB (%s)" % (len(files), sum(os.path.getsize(f) for f in files) / 1e6, input_dir))
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    results = {}
    for workers in [int(w) for w in args.workers.split(",")]:
        best = None
        for rep in range(args.repeats):
            cpu = {}

            def on_map(phase):
                cpu[phase] = tree_cpu()

            m = runner.run(input_dir, os.path.join(args.work, "out-%d" % workers), workers=workers,
                           stages=args.stages, files_per_task=args.files_per_task,
                           warc_pages_per_task=args.warc_pages_per_task, on_map=on_map)
            print("  %d worker(s), run %d: %d documents, %.2f MB input, map %.2f s wall: %.1f documents/s, "
                  "%.2f MB/s; task CPU %.2f s (%.1f documents per CPU second); reduce %.2f s; load %.2f"
                  % (workers, rep + 1, m["documents"], m["bytes"] / 1e6, m["seconds"]["map"], m["documents_per_s"],
                     m["mb_per_s"], m["seconds"]["task_cpu"], m["documents"] / m["seconds"]["task_cpu"],
                     m["seconds"]["reduce"], os.getloadavg()[0]))
            pages = [p for p in m["partitions"] if "warc" in p]
            texts = [p for p in m["partitions"] if "files" in p]
            print("    by kind, per CPU second of the tasks: WARC pages %.1f, text files %.1f"
                  % (sum(p["documents"] for p in pages) / sum(p["cpu_s"] for p in pages),
                     sum(p["documents"] for p in texts) / sum(p["cpu_s"] for p in texts)))
            # Where the CPU went during the map, by process, and how long workers sat idle.
            used = {k: cpu["end"][k] - cpu["start"][k] for k in cpu["start"]}
            task_cpu = m["seconds"]["task_cpu"]
            print("    CPU during the map, by process: workers %.2f s (tasks %.2f s, Dask's own work in the workers "
                  "%.2f s), driver (client, scheduler, nannies) %.2f s, other %.2f s; all %.2f s of %.2f s "
                  "(%d workers x map wall)" % (used["workers"], task_cpu, used["workers"] - task_cpu, used["driver"],
                                               used["other"], sum(used.values()), workers * m["seconds"]["map"],
                                               workers))
            w = m["worker_processes"]
            print("    workers: %s" % "; ".join(
                "%d tasks, busy %.2f s, idle %.2f s (%.2f before the first task, %.2f after the last)"
                % (v["tasks"], v["busy_s"], v["idle_s"], v["before_first_s"], v["after_last_s"]) for v in w.values()))
            print("    map wall over task CPU / workers: %+.1f%%; partitions %d"
                  % ((m["seconds"]["map"] / (task_cpu / workers) - 1) * 100, len(m["partitions"])))
            if best is None or m["documents_per_s"] > best["documents_per_s"]:
                best = m
        results[workers] = best
    if 1 in results and 2 in results:
        print("speed-up, 2 workers over 1 (best runs, wall clock): %.2fx"
              % (results[2]["documents_per_s"] / results[1]["documents_per_s"]))
    if not args.no_control:
        # The control: the same partitions through 1 and then 2 plain processes at once (no Dask).
        control = {}
        for n in (1, 2):
            best = None
            for rep in range(args.repeats):
                wall, cpu, docs = control_without_dask(input_dir, os.path.join(args.work, "control-%d" % n),
                                                       args.stages, n, args.files_per_task)
                print("  control without Dask, %d process(es), run %d: %d documents, %.2f s wall (%.1f documents/s), "
                      "%.2f s CPU (%.1f documents per CPU second)" % (n, rep + 1, docs, wall, docs / wall, cpu,
                                                                      docs / cpu))
                if best is None or wall < best[0]:
                    best = (wall, cpu)
            control[n] = best
        print("control without Dask, 2 processes over 1 (best runs): speed-up %.2fx by wall clock; CPU per document "
              "%+.1f%% with both cores busy" % (control[1][0] / control[2][0], (control[2][1] / control[1][1] - 1) * 100))
    cpu, docs = cli_cpu(args.build, files, args.stages)
    print("command line, dossier analyze -j 1 on the same files: %d documents, %.2f s CPU: %.1f documents per CPU "
          "second" % (docs, cpu, docs / cpu))
    warcs = [f for f in files if ".warc" in f]
    cpu, docs = cli_cpu(args.build, warcs, args.stages)
    print("command line on the WARC files alone: %d pages, %.2f s CPU: %.1f pages per CPU second"
          % (docs, cpu, docs / cpu))
    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    print(json.dumps({w: {k: r[k] for k in ("documents", "bytes", "documents_per_s", "mb_per_s")} |
                      {"task_cpu_s": r["seconds"]["task_cpu"], "map_s": r["seconds"]["map"]}
                      for w, r in results.items()}))


if __name__ == "__main__":
    main()
