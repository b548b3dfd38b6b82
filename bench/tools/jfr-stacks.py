#!/usr/bin/env python3
"""Execution samples of a JFR recording added up: self, inclusive, innermost application frame.

Usage: jfr print --stack-depth 64 --events jdk.ExecutionSample rec.jfr > samples.txt
       FROM=07:04:35 TO=07:05:30 bench/tools/jfr-stacks.py samples.txt [rows]   (FROM/TO: the measured window)
"""
# Aggregate `jfr print --events jdk.ExecutionSample` output: top frames (self) and inclusive by package prefix
import sys, re, collections
self_c = collections.Counter(); incl = collections.Counter(); pk = collections.Counter(); total = 0
stack = []
def flush():
    global total, stack
    if not stack: return
    total += 1
    self_c[stack[0]] += 1
    seen = set()
    for f in stack:
        if f not in seen: incl[f] += 1; seen.add(f)
    # first relais frame
    for f in stack:
        if f.startswith('fr.relais'):
            pk[f] += 1; break
    else:
        pk['(no relais frame)'] += 1
    stack = []
import os
FROM=os.environ.get('FROM','00:00:00'); TO=os.environ.get('TO','99')
keep=True
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith('jdk.ExecutionSample'):
        if keep: flush()
        stack=[]
    if line.startswith('startTime ='):
        t=line.split('=')[1].strip(); keep = FROM <= t <= TO
    if not keep: continue
    m = re.match(r'([\w.$<>]+)\(.*line:', line)
    if m: stack.append(m.group(1))
if keep: flush()
n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
print('samples', total)
print('--- self'); [print(f'{c*100/total:5.1f}% {f}') for f, c in self_c.most_common(n)]
print('--- inclusive'); [print(f'{c*100/total:5.1f}% {f}') for f, c in incl.most_common(n*2)]
print('--- innermost relais frame'); [print(f'{c*100/total:5.1f}% {f}') for f, c in pk.most_common(n)]
