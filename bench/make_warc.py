#!/usr/bin/env python3
"""Packs HTML pages into a WARC file, the way crawlers write them: a warcinfo record, then for each
page a request record and a response record (HTTP/1.1 200, Content-Type text/html, Date), gzip per
record for .warc.gz. Also a module: the tests build their (hostile) WARC files with these functions.

  make_warc.py OUT.warc[.gz] PAGE.html...        (or --list FILE: one page path a line)
"""
import argparse
import gzip
import os
import sys
import uuid

DATE = "2025-11-20T09:30:00Z"
HTTP_DATE = "Thu, 20 Nov 2025 09:30:00 GMT"


def record(warc_type, block, uri=None, content_type=None, record_id=None, date=DATE, length=None):
    """One WARC/1.0 record as bytes; `length` overrides the Content-Length (to lie)."""
    head = [b"WARC/1.0", b"WARC-Type: " + warc_type.encode(),
            b"WARC-Record-ID: <urn:uuid:" + (record_id or str(uuid.uuid4())).encode() + b">",
            b"WARC-Date: " + date.encode()]
    if uri:
        head.append(b"WARC-Target-URI: " + uri.encode())
    if content_type:
        head.append(b"Content-Type: " + content_type.encode())
    head.append(b"Content-Length: " + str(len(block) if length is None else length).encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + block + b"\r\n\r\n"


def http_response(body, headers=None, status=b"200 OK"):
    """An HTTP/1.1 response message; `headers` is a list of b"Name: value"."""
    if headers is None:
        headers = [b"Content-Type: text/html; charset=utf-8", b"Date: " + HTTP_DATE.encode()]
    return b"HTTP/1.1 " + status + b"\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body


def chunked(body, piece=100):
    out = b""
    for i in range(0, len(body), piece):
        p = body[i:i + piece]
        out += b"%x\r\n" % len(p) + p + b"\r\n"
    return out + b"0\r\n\r\n"


def warcinfo():
    return record("warcinfo", b"software: dossier make_warc.py\r\nformat: WARC File Format 1.0\r\n",
                  content_type="application/warc-fields", record_id="00000000-0000-0000-0000-000000000000")


def page_records(html, uri, n):
    """The request and response records of one page (deterministic ids from `n`)."""
    host = uri.split("/")[2] if "://" in uri else "example.org"
    request = record("request", b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n", uri=uri,
                     content_type="application/http; msgtype=request",
                     record_id="00000000-0000-0000-0001-%012d" % n)
    response = record("response", http_response(html), uri=uri,
                      content_type="application/http; msgtype=response",
                      record_id="00000000-0000-0000-0002-%012d" % n)
    return [request, response]


def write_warc(path, records):
    """Writes records, one gzip member each when `path` ends in .gz."""
    with open(path, "wb") as f:
        for r in records:
            f.write(gzip.compress(r, mtime=0) if path.endswith(".gz") else r)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("pages", nargs="*")
    ap.add_argument("--list", help="file with one page path a line")
    args = ap.parse_args()
    pages = list(args.pages)
    if args.list:
        with open(args.list) as f:
            pages += [line.strip() for line in f if line.strip()]
    records = [warcinfo()]
    for n, p in enumerate(pages):
        with open(p, "rb") as f:
            html = f.read()
        records += page_records(html, "http://pages.example/" + os.path.basename(p), n)
    write_warc(args.out, records)
    print(f"{args.out}: {len(pages)} pages, {len(records)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
