#!/usr/bin/env python3
"""Baseline for bench/archive-bench.mjs: Python's standard `email` parser (what b4 builds on)
on an mboxrd file. Splits on git's mbox separator rule (a line starting with "From "), un-quotes
">From " lines, parses every message with email.parser.BytesParser(policy=default) and reads the
headers and the text body the index needs. Standard library only. Prints one JSON line."""
import json
import re
import sys
import time
from email import policy
from email.parser import BytesParser

SEPARATOR = re.compile(rb'^From .*\d\d:\d\d.*$')
QUOTED_FROM = re.compile(rb'^>(>*From )', re.M)


def messages(path):
    current = None
    with open(path, 'rb') as f:
        for line in f:
            if line.startswith(b'From ') and SEPARATOR.match(line):
                if current is not None:
                    yield b''.join(current)
                current = []
            elif current is not None:
                current.append(line)
    if current is not None:
        yield b''.join(current)


def main():
    path = sys.argv[1]
    parser = BytesParser(policy=policy.default)
    start = time.perf_counter()
    count = 0
    size = 0
    for raw in messages(path):
        size += len(raw)
        msg = parser.parsebytes(QUOTED_FROM.sub(rb'\1', raw))
        for name in ('message-id', 'in-reply-to', 'references', 'subject', 'from', 'date'):
            msg.get(name)
        body = msg.get_body(preferencelist=('plain',))
        if body is not None:
            try:
                body.get_content()
            except (LookupError, UnicodeError):
                # an unknown charset label (the real linaro-mm-sig archive has charset="y"): the bytes, as b4 falls back
                body.get_payload(decode=True)
        count += 1
    seconds = time.perf_counter() - start
    print(json.dumps({'messages': count, 'bytes': size, 'seconds': seconds}))


if __name__ == '__main__':
    main()
