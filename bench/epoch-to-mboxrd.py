#!/usr/bin/env python3
"""Write a public-inbox v2 epoch (blob `m` per commit) as one mboxrd, oldest first."""
import re, subprocess, sys, threading
gitdir, out = sys.argv[1], sys.argv[2]
commits = subprocess.run(['git', f'--git-dir={gitdir}', 'rev-list', '--reverse', 'HEAD'], capture_output=True, check=True, text=True).stdout.split()
p = subprocess.Popen(['git', f'--git-dir={gitdir}', 'cat-file', '--batch'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def feed():
    p.stdin.write(''.join(f'{c}:m\n' for c in commits).encode()); p.stdin.close()
threading.Thread(target=feed, daemon=True).start()
quote = re.compile(rb'^(>*From )', re.M)
with open(out, 'wb') as f:
    for c in commits:
        head = p.stdout.readline().split()
        if head[1] == b'missing': continue
        data = p.stdout.read(int(head[2])); p.stdout.read(1)
        if not data.endswith(b'\n'): data += b'\n'
        f.write(b'From mboxrd@z Thu Jan  1 00:00:00 1970\n' + quote.sub(rb'>\1', data) + b'\n')
