#!/usr/bin/env python3
"""Statements per lifecycle from a MariaDB general log taken during a bench run.

Usage: ONLY=ids.txt bench/tools/statements.py general.log [divisor] [rows]
  ids.txt: the application's connection ids (information_schema.processlist, db = the bench database),
  so that other servers sharing the MariaDB are left out; divisor: lifecycles (default: INSERT INTO report count).
  TRACE=regex: also, for the statements whose shape matches regex, the statement before and the one after on the
  same connection, counted by pair (per lifecycle): where a statement comes from when the shape alone does not say
  (e.g. TRACE='ACT_RU_JOBDEF' tells the reads at a job's execution from those at its creation).
"""
import sys, re, collections
path = sys.argv[1]
import os
EXCL = set(os.environ.get("EXCL", "").split(","))
ONLY = set(open(os.environ["ONLY"]).read().split()) if os.environ.get("ONLY") else None
stmts = []  # (thread, text)
cur = None
hdr = re.compile(r'^(?:\d{6}\s+[\d:]+\s+)?\s*(\d+)\s+(Query|Connect|Quit|Execute|Prepare|Close stmt|Init DB|Reset stmt|Field List|Statistics|Ping)\t?(.*)$')
with open(path, errors='replace') as f:
    for line in f:
        line = line.rstrip('\n')
        m = hdr.match(line)
        if m:
            cur = [m.group(1), m.group(2), m.group(3)]
            stmts.append(cur)
        elif cur is not None:
            cur[2] += ' ' + line.strip()
def norm(s):
    s = re.sub(r"_binary'(?:[^'\\]|\\.|'')*'", "?", s)
    s = re.sub(r"'(?:[^'\\]|\\.|'')*'", "?", s)
    s = re.sub(r"\b\d+(\.\d+)?\b", "?", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\(\?(, ?\?)+\)", "(?,...)", s)
    s = re.sub(r"IN \(\?(,...)?\)", "IN (...)", s)
    if len(s) > 230 and s.endswith("FOR UPDATE"):
        # a locking read must not merge with the plain read of the same columns the cut leaves
        return s[:215] + " ... FOR UPDATE"
    return s[:230]
c = collections.Counter()
kinds = collections.Counter()
per_conn = collections.defaultdict(list)  # thread -> shapes in order
for t, k, a in stmts:
    kinds[k] += 1
    if t in EXCL: continue
    if ONLY is not None and t not in ONLY: continue
    if k in ("Query", "Execute"):
        if 'GLOBAL general_log' in a: continue
        c[norm(a)] += 1
        per_conn[t].append(norm(a))
n = None
for s, v in c.items():
    if re.match(r'(?i)insert into report[ (]', s):
        n = (n or 0) + v
div = float(sys.argv[2]) if len(sys.argv) > 2 else (n or 1)
print('kinds', dict(kinds), 'reports inserted', n, 'divisor', div)
tot = sum(c.values())
print(f'total {tot} -> {tot/div:.1f} per lifecycle')
for s, v in c.most_common(int(sys.argv[3]) if len(sys.argv) > 3 else 120):
    print(f'{v/div:7.2f} {s}')

trace = os.environ.get("TRACE")
if trace:
    pat = re.compile(trace)
    pairs = collections.Counter()
    for seq in per_conn.values():
        for i, shape in enumerate(seq):
            if pat.search(shape):
                before = seq[i - 1] if i > 0 else '(start)'
                after = seq[i + 1] if i + 1 < len(seq) else '(end)'
                pairs[(before[:90], after[:90])] += 1
    print(f'\nTRACE {trace}: statement before | statement after, same connection')
    for (b, a), v in pairs.most_common(20):
        print(f'{v/div:7.2f} {b} | {a}')
