#!/usr/bin/env python3
"""history_results.py SEED.ron OUT.ron K H: the seed as a second-half report with one result to confirm
(id 12), K more one-line results in topic 9, and a history period of the same year listing H
result ids that are in no topic (a hand-made or damaged file)."""
import sys
seed, out, k, h = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
t = open(seed, encoding="utf-8").read()
t = t.replace("    period: first_half,\n", "    period: second_half,\n", 1)
t = t.replace('actual: "上半期実績(4月～9月)"', 'actual: "下半期実績(10月～3月)"', 1)
line = '(id: 14, bullet: true, text: "「協創」の取組を推進するための職員研修における周知、活用(7月)", label: "「協創」の取組を推進するための職員研修における周知、活用", when: Some("7月"), timing: Some((kind: Months, months: 8)), reports: [11]),\n'
assert line in t
extra = "".join('(id: %d, text: "x(11月)", label: "x", when: Some("11月"), timing: Some((kind: Months, months: 128))),\n' % (1_000_000 + i) for i in range(k))
t = t.replace(line, line + extra)
# id 12 scheduled in a passed month so it is still asked about
t = t.replace('(id: 12, bullet: true, text: "ポータルサイトへの掲載内容の追加(5月～)", label: "ポータルサイトへの掲載内容の追加", when: Some("5月～"), timing: Some((kind: Months, months: 4094, open_end: true)), reports: [10])',
              '(id: 12, bullet: true, text: "ポータルサイトへの掲載内容の追加(5月予定)", label: "ポータルサイトへの掲載内容の追加", when: Some("5月予定"), timing: Some((kind: Months, months: 2, scheduled: true)), reports: [10])')
ids = ",".join(str(10_000_000 + i) for i in range(h))
hist = ('    history: [(fiscal_year: 2017, period: first_half, actual_heading: "上半期実績(4月～9月)", as_of: (month: 9, day: 30), results: [12,%s])],\n'
        '    to_confirm: [12],\n') % ids
t = t.replace("    next_id: 151,\n", hist + "    next_id: %d,\n" % (20_000_000 + h), 1)
open(out, "w", encoding="utf-8").write(t)
