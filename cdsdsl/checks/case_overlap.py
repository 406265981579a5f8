"""CDS402/CDS403: two cases that both hold for some value, neither containing the other.

(A later case containing an earlier one is the usual "first match wins" way of
writing levels — ``≥ 10%`` then ``≥ 7%`` — and is not reported.)  With the
same points on the whole overlap it is information (huyện 2023 8.2
``Tỷ lệ>=80%`` / ``Tỷ lệ<=80%`` both give Điểm tối đa at 80%); otherwise a
warning naming both results.
"""
from __future__ import annotations

import re
from typing import Iterator

from cdsdsl.checks.analysis import LintContext, fmt_subject_value
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.typesys import fmt_num
from cdsdsl.syntax import nodes as n

_STRICT = {"<=": "<", "≤": "<", ">=": ">", "≥": ">"}


def strict_text(text: str) -> str:
    return re.sub(r"<=|>=|≤|≥", lambda m: _STRICT[m.group(0)], text, count=1)


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for a in ctx.analyses:
        env = ctx.typer_of(a.part).env
        crossing = a.first_crossing() if len(a.cases) > 1 else []
        # points with no name in them (`5 điểm`, `70% điểm`) are the same for every value of the subject
        constant = [not any(isinstance(x, n.Name) for x in ctx.nodes(c.case.result)) for c in a.cases]
        for k in range(1, len(a.cases)):
            if not a.effective(k):
                continue  # never applies: reported by `unreachable`
            i = crossing[k]
            if i is None or i >= k:
                continue
            (lo_i, hi_i), (lo_k, hi_k) = a.valid_span(i), a.valid_span(k)
            inter = a.valid_pieces[max(lo_i, lo_k):min(hi_i, hi_k) + 1]
            if constant[i] and constant[k]:
                inter = inter[:1]  # the same two points everywhere: the first value tells
            # the first value where the two cases give different points (else the first value; the
            # points are the same everywhere only if they are known everywhere)
            found = None
            same = True
            for p in inter:
                w = a.witness(p)
                vi, vk = a.value(i, w, env, ctx.max_points), a.value(k, w, env, ctx.max_points)
                if found is None:
                    found = (w, vi, vk)
                if vi != vk:
                    found, same = (w, vi, vk), False
                    break
                if vi is None:
                    same = False
            assert found is not None
            w, vi, vk = found
            first, second = ctx.text(a.cases[i].case.condition), ctx.text(a.cases[k].case.condition)
            if same:
                yield ctx.diag("CDS403", a.cases[k].case.condition.span, first=first, second=second,
                               subject=a.subject_label, value=fmt_subject_value(a, w),
                               points=fmt_num(vi), fixed=strict_text(second))
            else:
                yield ctx.diag("CDS402", a.cases[k].case.condition.span, first=first, second=second,
                               subject=a.subject_label, value=fmt_subject_value(a, w),
                               points_first=fmt_num(vi) if vi is not None else "?",
                               points_second=fmt_num(vk) if vk is not None else "?")


RULE = Rule("case_overlap", ("CDS402", "CDS403"), check)
