"""Compare two parsers' `parse_formula` on many texts (run by hand when changing the parser).

    mkdir -p build/oldparser && cp -r cdsdsl build/oldparser/oldcds && cp -r grammar build/oldparser/oldcds/grammar
    # ... change the parser ...
    .venv/bin/python bench/compare_parse.py [N] [--old build/oldparser]

Texts: the corpus, every formula block of rulesets/*.cds, every string constant of
tests/test_parse_*.py and tests/test_normalize.py, N mutated texts (default 4000: deletions,
insertions of operators and keywords, swaps, shuffled lines) and N/2 declarations, options and
conditions made of random words (keywords, capitals, line breaks, defined names).  Compares the
AST with its spans (`nodes.to_dict`) and the diagnostics (`to_dict`), or the error's code,
positions and diagnostics; prints the first differences and the count.
"""
import ast
import glob
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_old = sys.argv[sys.argv.index("--old") + 1] if "--old" in sys.argv else str(REPO / "build" / "oldparser")
sys.argv = [a for i, a in enumerate(sys.argv) if a != "--old" and (i == 0 or sys.argv[i - 1] != "--old")]
sys.path.insert(0, _old); sys.path.insert(0, str(REPO))
import oldcds.nodes as ON  # noqa: E402
import oldcds.parser as OP

import cdsdsl.nodes as NN  # noqa: E402
import cdsdsl.syntax.parser as NP
from cdsdsl.rulesets.model import load_ruleset  # noqa: E402


def texts():
    out = []
    corpus = [json.loads(l)["formula"] for l in open(REPO / "tests" / "data" / "seed-formulas.jsonl", encoding="utf-8") if l.strip()]
    out += [(t, {}) for t in corpus]
    for p in sorted(glob.glob(str(REPO / "rulesets" / "*.cds"))):
        rs = load_ruleset(p)
        for ind in rs.indicators:
            if ind.formula_text:
                src = ind.formula_source
                out.append((ind.formula_text, dict(name=rs.name, line_offset=src.line_offset, column_offset=src.column_offset, item=ind.key)))
    for f in sorted(glob.glob(str(REPO / "tests" / "test_parse_*.py"))) + [str(REPO / "tests" / "test_normalize.py")]:
        tree = ast.parse(open(f, encoding="utf-8").read())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
                out.append((node.value, {}))
    rnd = random.Random(1234)
    words = ["Tỷ lệ", "Điểm tối đa", ":", "=", ">=", "<", "%", "-", "+", ";", ".", "(", ")", "\n", " ", "và", "từ", "đến", "dưới", "trở lên", "0 điểm", "x", "a", "b/c", "Mức 1", "Trong đó:", "Nếu", "thì", ",", "2,5", "tối đa không quá 10 điểm", "Mỗi", "≥", "$\\geq$", "<br>", "&amp;", "Cộng điểm", "Tổng điểm không quá"]
    base = [t for t, _ in out]
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    for i in range(N):
        t = rnd.choice(base)
        for _ in range(rnd.randint(1, 4)):
            op = rnd.random()
            pos = rnd.randint(0, len(t))
            if op < 0.35 and t:
                j = min(len(t), pos + rnd.randint(1, 8)); t = t[:pos] + t[j:]
            elif op < 0.7:
                t = t[:pos] + rnd.choice(words) + t[pos:]
            elif op < 0.85 and len(t) > 2:
                a, b = sorted(rnd.sample(range(len(t)), 2)); t = t[:a] + t[b:] + t[a:b]
            else:
                lines = t.split("\n"); rnd.shuffle(lines); t = "\n".join(lines)
        out.append((t, {}))
    vocab = ("số văn bản ký số tổng hồ sơ của trên trong các đơn vị dưới từ đến tới đạt không quá tối đa là bằng "
             "điểm đ cao nhất thấp lớn nhiều nhỏ ít trở lên xuống và nhân chia mục chỉ tiêu cộng tỷ lệ tỉ ty tylệ "
             "giá trị xã huyện được đánh giá a b x Số ĐIỂM Tỷ LỆ Đạt Từ TRÊN ſố K İ").split()
    templates = ["a = {w}", "- {w}: 5 điểm", "{w}", "{w} = a/b\nc = {w}\nĐiểm = c", "Điểm = {w}",
                 "- {w} (5 điểm)", "b = {w}\n- {w}: Điểm tối đa\n- Còn lại: 0 điểm", "a = {w}\n{w}",
                 "Nếu {w} thì 5 điểm", "{w}:", "- {w}\n  {w}: 2 điểm", "Trong đó: a = {w}", "= {w}"]
    for i in range(N // 2):
        k = rnd.randint(1, 4)
        w = " ".join(rnd.choice(vocab) for _ in range(k))
        if rnd.random() < 0.1:
            w = w.replace(" ", "\n", 1)
        out.append((rnd.choice(templates).replace("{w}", w), {}))
    return out

def run(P, Nmod, text, kw):
    try:
        f = P.parse_formula(text, **kw)
    except RecursionError:
        return ("recursion",)
    except Exception as e:
        if type(e).__name__ == "FormulaSyntaxError":
            return ("err", [(d.code, d.position, d.end_position, d.to_dict()) for d in e.diagnostics])
        return ("exc", type(e).__name__, str(e))
    return ("ok", Nmod.to_dict(f), [d.to_dict() for d in f.diagnostics])

if __name__ == "__main__":
    ts = texts()
    bad = 0; kinds = {}
    t0 = time.time()
    for text, kw in ts:
        a = run(OP, ON, text, kw); b = run(NP, NN, text, kw)
        kinds[a[0]] = kinds.get(a[0], 0) + 1
        if a != b:
            bad += 1
            if bad <= 5:
                print("DIFF", repr(text)[:300]); print(" old", str(a)[:600]); print(" new", str(b)[:600])
    print(f"{len(ts)} texts, outcomes {kinds}, {bad} differences, {time.time()-t0:.1f}s")
