#!/usr/bin/env python3
"""survey_records.py SEED.ron OUT.ron N: the seed with N survey records, each naming only a
distinct division (no topic of the report is theirs)."""
import sys, re
seed, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = open(seed, encoding="utf-8").read()
t = re.sub(r"\n    survey: \[.*?\n    \],\n", "\n", t, flags=re.S)
recs = ",".join('(division:"d%d")' % i for i in range(n))
t = t.replace("    next_id: ", "    survey: [%s],\n    next_id: " % recs, 1)
open(out, "w", encoding="utf-8").write(t)
