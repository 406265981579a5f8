"""Generated, plausible unit data for a compiled ruleset (tests and bench)."""
from __future__ import annotations

import random

from cdsdsl.scoring.unitdata import Unit


def plausible_unit(cr, name, rnd: random.Random, group=None) -> Unit:
    vals = {}
    for c in cr.items:
        if c.program is None:
            if c.entered and c.max_points is not None:
                vals[c.key] = {"điểm": rnd.randint(0, int(c.max_points))}
            continue
        d = {}
        for s in c.program.inputs:
            if s.kind == "option":
                d[s.key] = rnd.randint(0, len(s.choices))
            elif s.kind == "options":
                d[s.key] = [j + 1 for j in range(len(s.choices)) if rnd.random() < 0.5]
            elif s.role == "itemref":
                d[s.key] = rnd.randint(100, 1000)
            else:
                d[s.key] = rnd.randint(0, 50)
        for part in c.program.parts:
            keys = {st.name: st.key for st in part.steps if st.key}
            for pw in c.program.part_wholes:
                if not all(x in keys for x in pw.parts + pw.wholes):
                    continue
                if not any(st.span == pw.span for st in part.steps):
                    continue
                total = sum(d[keys[x]] for x in pw.parts)
                for w in pw.wholes:
                    d[keys[w]] = total + rnd.randint(1, 50)
                    total = 0
        vals[c.key] = d
    return Unit(name, vals, group=group)
