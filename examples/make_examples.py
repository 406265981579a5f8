"""Regenerate the example cohorts in examples/<ruleset>/ (made-up illustration data).

    python examples/make_examples.py            # rewrite every example file
    python examples/make_examples.py --check    # exit 1 if a committed file differs

Dữ liệu minh hoạ, không phải số liệu thật / made-up illustration data.

Every file is produced from the ruleset's data-entry form (`cdsdsl.dataentry.forms.form_fields`), with a random
generator seeded by the ruleset's name, so the output is reproducible byte for byte.  Figures are
plausible, not real: counts are consistent (a part never exceeds its whole), options come from the
allowed list, money is in the unit the form asks (triệu đồng, tỷ đồng), and points entered directly lie in
[0, max] (an item with sub-items gets the sum of its sub-items).
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import sys
import zlib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cdsdsl.dataentry.facts import FACTS_ITEM  # noqa: E402
from cdsdsl.dataentry.forms import GROUP_HEADER, ILLUSTRATION_NOTE, UNIT_HEADER, FormField, build_form  # noqa: E402
from cdsdsl.files.safe_cells import csv_field  # noqa: E402
from cdsdsl.rulesets.model import Ruleset, load_ruleset  # noqa: E402
from cdsdsl.semantics.resolve import COUNT, MONEY, OPTION, OPTIONS, POINTS  # noqa: E402

HERE = Path(__file__).resolve().parent

# ------------------------------------------------------------------- the units of each example
# (name, size): size scales the population-like figures of the formula set (1.0 ≈ 100 000 people)
NINH_THUAN = [
    ("Thành phố Phan Rang - Tháp Chàm", 1.7), ("Huyện Ninh Phước", 1.35), ("Huyện Ninh Hải", 0.95),
    ("Huyện Ninh Sơn", 0.8), ("Huyện Thuận Nam", 0.6), ("Huyện Thuận Bắc", 0.45), ("Huyện Bác Ái", 0.35),
    ("Huyện Minh Hoạ (đơn vị giả định)", 0.7),
]
QUANG_TRI_SO = [
    ("Sở Văn hóa, Thể thao và Du lịch", "I"), ("Sở Nông nghiệp và Phát triển nông thôn", "II"),
    ("Sở Tài nguyên và Môi trường", "III"), ("Sở Giao thông vận tải", "IV"), ("Sở Giáo dục và Đào tạo", "V"),
    ("Sở Y tế", "VI"), ("Sở Công Thương", "VII"), ("Sở Tư pháp", None), ("Sở Nội vụ", None),
    ("Văn phòng UBND tỉnh", None),
]
QUANG_TRI_HUYEN = ["Thành phố Đông Hà", "Thị xã Quảng Trị", "Huyện Vĩnh Linh", "Huyện Gio Linh", "Huyện Cam Lộ",
                   "Huyện Triệu Phong", "Huyện Hải Lăng", "Huyện Hướng Hóa"]
QUANG_TRI_XA = ["Xã Gio Mai", "Xã Vĩnh Thái", "Xã Triệu Phước", "Xã Hải Dương", "Xã Cam Hiếu", "Xã Tân Hợp",
                "Xã Hướng Phùng", "Xã Ba Lòng"]
TINH = ["Tỉnh Đắk Lắk", "Tỉnh Đắk Nông", "Tỉnh Gia Lai", "Tỉnh Kon Tum", "Tỉnh Lâm Đồng", "Tỉnh Khánh Hòa",
        "Tỉnh Phú Yên", "Tỉnh Bình Định"]

EXAMPLES = {
    # ruleset stem: (file name, units)
    "huyen-ninh-thuan-2023": "cohort.csv",
    "ha-noi-2024-thanh-pho": "cohort.csv",
    "ha-noi-2024-huyen": "cohort.csv",
    "quang-tri-2022-so": "cohort.csv",
    "quang-tri-2022-huyen": "cohort.csv",
    "quang-tri-2022-xa": "cohort.json",
    "tinh-2021": "cohort.csv",
}


def _vn(value: Fraction | Decimal | int) -> str:
    """A number written the Vietnamese way: decimal comma, no thousands separator (``1250,5``)."""
    d = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(value)
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _rng(stem: str) -> random.Random:
    return random.Random(zlib.crc32(stem.encode("utf-8")))


# ------------------------------------------------------------------- points entered directly

def points_units(rs: Ruleset, rng: random.Random, names: list[str], groups: dict[str, str | None] | None = None,
                 ) -> list[dict]:
    """Points in [0, max] for every `điểm` field; an item with sub-items gets their sum."""
    form = build_form(rs)
    listed = {ul.name: {u.casefold() for u in ul.units} for ul in rs.unit_lists}
    out = []
    for name in names:
        group = (groups or {}).get(name)
        skill = rng.uniform(0.45, 0.95)
        values: dict[str, dict[str, object]] = {}
        fields = [f for f in form.fields if f.kind == POINTS]
        own: dict[str, Fraction] = {}
        for f in fields:
            if f.group_id is not None and f.group_id != group:
                continue
            if f.applies_to and name.casefold() not in listed.get(f.applies_to, set()):
                continue
            mx = f.max_points or Fraction(0)
            share = min(1.0, max(0.0, rng.gauss(skill, 0.18)))
            pts = Fraction(round(float(mx) * share * 2), 2)  # halves
            own[f.indicator] = min(mx, max(Fraction(0), pts))

        def total(key: str) -> Fraction:
            kids = [k.key for k in rs.children(key)]
            if not kids:
                return own[key]
            return sum((total(k) for k in kids), Fraction(0))

        for f in fields:
            if f.indicator in own:
                values[f.indicator] = {f.key: _vn(total(f.indicator))}
        out.append({"name": name, "group": group, "values": values})
    return out


# ------------------------------------------------------------------- the formula set (huyện 2023)

def _whole(desc: str, size: float, unit: str | None) -> int | float:
    """A deterministic total for a unit of ``size`` (the same description gives the same total)."""
    d = desc.casefold()
    pop = int(100_000 * size)
    if unit == "tỷ đồng":
        return round(pop * 0.06)  # GRDP ≈ 60 triệu đồng per person
    if unit == "triệu đồng" or "ngân sách" in d or "kinh phí" in d:
        if "cntt" in d:
            return round(2_500 + 4_000 * size)
        return round(350_000 + 420_000 * size)  # tổng chi NSNN
    if "15 tuổi" in d:
        return round(pop * 0.76)
    if "lao động" in d:
        return round(pop * 0.61)
    if "hộ gia đình" in d:
        return round(pop / 3.9)
    if "dân số" in d:
        return pop
    if "xã" in d and ("ubnd" in d or "cấp xã" in d):
        return max(8, round(9 + 6 * size))
    if "công chức, viên chức" in d:
        return round(1_100 + 1_400 * size)
    if "công chức" in d:
        return round(130 + 90 * size)
    if "viên chức" in d:
        return round(900 + 1_300 * size)
    if "nhỏ và vừa" in d:
        return round(pop / 170)
    if "doanh nghiệp" in d:
        return round(pop / 160)
    if "cơ sở giáo dục" in d:
        return round(22 + 30 * size)
    if "bưu chính" in d or "điểm phục vụ" in d:
        return round(9 + 10 * size)
    if "bưu gửi" in d:
        return round(6_000 + 9_000 * size)
    if re.match(r"(tổng số|số lượng) (dvc|dịch vụ công)", d):
        return round(180 + 60 * size)
    if "hồ sơ" in d:
        return round(9_000 + 16_000 * size)
    if "tài khoản" in d:
        return round(pop * 0.22)
    if "dịch vụ dữ liệu" in d:
        return 12
    if "dvc" in d or "dịch vụ công" in d:
        return round(180 + 60 * size)
    if "ứng dụng" in d:
        return 8
    if "máy chủ" in d:
        return round(4 + 6 * size)
    if "ip" in d:
        return round(3 + 4 * size)
    if "hệ thống thông tin" in d:
        return round(5 + 5 * size)
    if "văn bản" in d:
        return round(4 + 3 * size)
    if "nền tảng" in d:
        return 7
    if "người dân tham gia đánh giá" in d:
        return round(600 + 900 * size)
    return round(10 + 10 * size)


def _part_share(desc: str, rng: random.Random) -> float:
    d = desc.casefold()
    if "chuyên trách" in d or "kiêm nhiệm" in d:
        return rng.uniform(0.004, 0.012)
    if "ai" in d.split() or "trí tuệ nhân tạo" in d:
        return rng.uniform(0.1, 0.45)
    if "kinh tế số" in d and "tỷ đồng" in d:
        return rng.uniform(0.04, 0.12)
    if "attt" in d:
        return rng.uniform(0.03, 0.14)
    if "ngân sách" in d or "kinh phí" in d:
        return rng.uniform(0.002, 0.02)
    if "chữ ký số" in d or "nền tảng số" in d or "tên miền" in d:
        return rng.uniform(0.1, 0.5) if "tên miền" not in d else rng.uniform(0.05, 0.25)
    if "công nghệ số" in d and "doanh nghiệp" in d:
        return rng.uniform(0.01, 0.05)
    return rng.uniform(0.45, 1.0)


def _choose_option(f: FormField, rng: random.Random) -> str:
    n = len(f.choices)
    if n == 1:
        return f.choices[0] if rng.random() < 0.75 else "Không"
    weights = [0.62, 0.28] + [0.1] * (n - 2) if n > 2 else [0.72, 0.28]
    return rng.choices(f.choices, weights=weights[:n])[0]


def _choose_options(f: FormField, rng: random.Random) -> str:
    scoring = [i for i, c in enumerate(f.choices, 1) if not c.casefold().startswith("chưa")]
    none = [i for i, c in enumerate(f.choices, 1) if c.casefold().startswith("chưa")]
    if none and rng.random() < 0.15:
        return str(none[0])
    picked = [i for i in scoring if rng.random() < 0.7] or scoring[:1]
    return "; ".join(map(str, picked))


def formula_units(rs: Ruleset, rng: random.Random, units: list[tuple[str, float]]) -> list[dict]:
    from cdsdsl.dataentry.forms import indicator_program

    form = build_form(rs)
    programs = {ind.key: indicator_program(rs, ind) for ind in rs.indicators if ind.effective_formula}
    out = []
    # the inputs a fact fills are made as before (in the indicators' order, the same random draws), then
    # moved to the fact
    by_indicator: dict[str, list[FormField]] = {ind.key: [] for ind in rs.indicators}
    for f in form.fields + form.fact_filled:
        if f.indicator in by_indicator:
            by_indicator[f.indicator].append(f)

    def in_text_order(item: str, fields: list[FormField]) -> list[FormField]:
        prog = programs.get(item)
        keys = [spec.key for spec in prog.inputs] if prog else []
        return sorted(fields, key=lambda f: keys.index(f.key) if f.key in keys else len(keys))

    by_indicator = {k: in_text_order(k, v) for k, v in by_indicator.items() if v}
    for name, size in units:
        values: dict[str, dict[str, object]] = {}
        for item, fields in by_indicator.items():
            prog = programs.get(item)
            keys = {f.key: f for f in fields}
            vals: dict[str, object] = {}
            # part/whole pairs first: wholes from the unit's size, parts a share of them (the named rates too,
            # people per household: generated the same way, in the order the text writes them)
            ratios = sorted([r for r in (*prog.part_wholes, *prog.rates) if not r.inline],
                            key=lambda r: r.span.start) if prog else []
            for pw_index, pw in enumerate(ratios):
                def key_of(name: str, pw_index: int = pw_index) -> str:
                    if name in keys:
                        return name
                    return f"{pw_index + 1}.{name}"  # 3.7: part-prefixed keys

                wholes = [key_of(k) for k in pw.wholes]
                parts = [key_of(k) for k in pw.parts]
                for k in wholes:
                    f = keys[k]
                    if f.constant is not None:
                        vals[k] = int(f.constant)
                    elif k not in vals:
                        vals[k] = _whole(f.description, size, f.unit)
                if len(parts) == len(wholes):
                    for p, w in zip(parts, wholes):
                        if p not in vals:
                            share = _part_share(keys[p].description, rng)
                            vals[p] = min(vals[w], round(vals[w] * share))
                else:
                    budget = sum(vals[w] for w in wholes)
                    for p in parts:
                        if p not in vals:
                            share = _part_share(keys[p].description, rng)
                            vals[p] = min(budget, max(0, round(budget * share / len(parts))))
            for f in fields:
                if f.key in vals:
                    continue
                d = f.description.casefold()
                if f.kind == OPTION:
                    if item == "1.4":  # an option list with a heading counted in x: only "Chưa có chuyên mục"
                        continue
                    vals[f.key] = _choose_option(f, rng)
                elif f.kind == OPTIONS:
                    vals[f.key] = _choose_options(f, rng)
                elif f.kind == MONEY and f.key == "x" and prog is not None and prog.item_refs:
                    ref = values.get(prog.item_refs[0], {}).get("a")
                    base = int(ref) if ref is not None else 500
                    vals[f.key] = _vn(Fraction(round(base * rng.uniform(0.008, 0.07) * 10), 10))
                elif f.kind == MONEY:
                    vals[f.key] = round(rng.uniform(60, 900) * size)
                elif f.kind == COUNT:
                    if "diễn tập" in d:
                        vals[f.key] = rng.randint(0, 4)
                    elif "sự cố" in d:
                        vals[f.key] = rng.randint(0, 12)
                    elif "hoạt động" in d or f.key == "số lượng":
                        vals[f.key] = rng.randint(3, 26)
                    elif "tin, bài" in d or "bài viết" in d:
                        vals[f.key] = rng.randint(6, 40)
                    else:
                        vals[f.key] = round(_whole(f.description, size, f.unit) * rng.uniform(0.5, 1))
                else:
                    vals[f.key] = round(rng.uniform(1, 50))
            if vals:
                values[item] = {f.key: vals[f.key] for f in fields if f.key in vals}
        out.append({"name": name, "group": None, "values": _to_facts(form, values)})
    return out


def _to_facts(form: object, values: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    """The unit's values with each input a fact fills (``Thông tin chung``) given once, as the fact: the
    figures made for the inputs of one fact must agree (they come from the same description's total)."""
    facts: dict[str, object] = {}
    for (item, key), name in form.fact_inputs.items():  # type: ignore[attr-defined]
        v = values.get(item, {}).pop(key, None)
        if v is None:
            continue
        if facts.setdefault(name, v) != v:
            raise SystemExit(f"{item}:{key} = {v} but {name} = {facts[name]}: make the figures agree")
    out = {FACTS_ITEM: {n: facts[n] for n in dict.fromkeys(form.fact_inputs.values()) if n in facts}} if facts else {}
    out.update({k: v for k, v in values.items() if v})
    return out


# ------------------------------------------------------------------- writing

def write_csv(rs: Ruleset, units: list[dict], path: Path, stem: str) -> str:
    form = build_form(rs)
    lead = [UNIT_HEADER] + ([GROUP_HEADER] if rs.groups else [])
    buf = io.StringIO()
    buf.write(f"# {ILLUSTRATION_NOTE}\n")
    buf.write(f"# Bộ chỉ số: rulesets/{stem}.cds — {rs.title}\n")
    buf.write("# Tạo bởi / made by examples/make_examples.py (python examples/make_examples.py)\n")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_field(c) for c in lead + [f.column for f in form.fields]])
    for u in units:
        # names are text (neutralised like every CSV the project writes: '=x); values are data, read as written
        row = [csv_field(u["name"])]
        if rs.groups:
            g = u.get("group")
            row.append(csv_field(f"{g}. {rs.group(g).name}" if g else ""))
        for f in form.fields:
            v = u["values"].get(f.indicator, {}).get(f.key, "")
            row.append(v if isinstance(v, str) else str(v))
        w.writerow(row)
    return buf.getvalue()


def write_json(rs: Ruleset, units: list[dict], stem: str) -> str:
    def num(v: object) -> object:
        if isinstance(v, str):
            try:
                return json.loads(v.replace(",", "."))
            except ValueError:
                return v
        return v

    def dump(v: object) -> str:
        return json.dumps(v, ensure_ascii=False)

    lines = ["{", f' "note": {dump(ILLUSTRATION_NOTE)},', f' "ruleset": {dump(f"rulesets/{stem}.cds")},',
             ' "made_by": "examples/make_examples.py",', ' "units": [']
    for n, u in enumerate(units):
        lines.append(f'  {{"name": {dump(u["name"])},' + (f' "group": {dump(u["group"])},' if u.get("group") else "")
                     + ' "values": {')
        items = list(u["values"].items())
        for m, (item, vals) in enumerate(items):
            comma = "," if m < len(items) - 1 else ""
            lines.append(f'   {dump(item)}: {dump({k: num(v) for k, v in vals.items()})}{comma}')
        lines.append("  }}" + ("," if n < len(units) - 1 else ""))
    lines += [" ]", "}"]
    return "\n".join(lines) + "\n"


def build(stem: str) -> tuple[Path, str]:
    rs = load_ruleset(ROOT / "rulesets" / f"{stem}.cds")
    rng = _rng(stem)
    if stem == "huyen-ninh-thuan-2023":
        units = formula_units(rs, rng, NINH_THUAN)
    elif stem == "quang-tri-2022-so":
        units = points_units(rs, rng, [n for n, _ in QUANG_TRI_SO], dict(QUANG_TRI_SO))
    elif stem == "ha-noi-2024-thanh-pho":
        listed = rs.unit_list("Phụ lục I").units
        picks = [listed[i] for i in (0, 1, 2, 3, 9, 12, 13, 17, 18)]  # includes Phụ lục II departments
        units = points_units(rs, rng, picks)
    elif stem == "ha-noi-2024-huyen":
        listed = rs.unit_list("Phụ lục I").units
        units = points_units(rs, rng, [listed[i] for i in (0, 1, 4, 10, 12, 16, 17, 23)])
    elif stem == "quang-tri-2022-huyen":
        units = points_units(rs, rng, QUANG_TRI_HUYEN)
    elif stem == "quang-tri-2022-xa":
        units = points_units(rs, rng, QUANG_TRI_XA)
    elif stem == "tinh-2021":
        units = points_units(rs, rng, TINH)
    else:  # pragma: no cover - a new ruleset: add it above
        raise SystemExit(f"no example units for {stem}")
    name = EXAMPLES[stem]
    path = HERE / stem / name
    text = write_json(rs, units, stem) if name.endswith(".json") else write_csv(rs, units, path, stem)
    return path, text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for stem in EXAMPLES:
        path, text = build(stem)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"khác / differs: {path.relative_to(ROOT)}")
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            print(f"đã ghi / written: {path.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
