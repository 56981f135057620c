#!/usr/bin/env python3
"""to_confirm.py SEED.ron OUT.ron K H: the first-half seed with K more results in topic 9, each
予定 in a month the first half reaches (x(6月予定)), and a to_confirm list of H ids that name
nothing (a hand-made or damaged file)."""
import sys
seed, out, k, h = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
t = open(seed, encoding="utf-8").read()
line = '(id: 14, bullet: true, text: "「協創」の取組を推進するための職員研修における周知、活用(7月)", label: "「協創」の取組を推進するための職員研修における周知、活用", when: Some("7月"), timing: Some((kind: Months, months: 8)), reports: [11]),\n'
assert line in t
extra = "".join('(id: %d, text: "x(6月予定)", label: "x", when: Some("6月予定"), timing: Some((kind: Months, months: 4, scheduled: true))),\n' % (1_000_000 + i) for i in range(k))
t = t.replace(line, line + extra)
ids = ",".join(str(10_000_000 + i) for i in range(h))
t = t.replace("    next_id: 151,\n", "    to_confirm: [%s],\n    next_id: %d,\n" % (ids, 20_000_000 + h), 1)
open(out, "w", encoding="utf-8").write(t)
