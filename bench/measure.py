#!/usr/bin/env python3
"""Run one command and print its wall time and peak RSS as one JSON line (the command's own
output goes to the file named by --out, or is discarded). Standard library only: getrusage of the
children gives the peak RSS of any program, node or not, measured the same way for all."""
import json, resource, subprocess, sys, time

out = subprocess.DEVNULL
args = sys.argv[1:]
if args[:1] == ['--out']:
    out = open(args[1], 'wb')
    args = args[2:]
start = time.perf_counter()
r = subprocess.run(args, stdout=out, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
rss = usage.ru_maxrss / 1024
print(json.dumps({'status': r.returncode, 'seconds': seconds, 'peakRssMb': rss, 'cpuSeconds': usage.ru_utime + usage.ru_stime, 'stderr': r.stderr.decode('utf8', 'replace')[-2000:]}))
