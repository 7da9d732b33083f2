"""The project's own scorer for an analysis against a gold annotation of a story.

Same metrics as the evaluation we are held to: quotes are matched to gold quotes by token
overlap (F1 of word multisets >= 0.6, best pairs first); speaker accuracy over matched quotes;
alignment precision/recall over cross-article pairs of matched quotes; actors matched by a
shared name form or surname; stance accuracy over matched actors with a gold stance.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import combinations
from pathlib import Path

MATCH = 0.6
STANCES = {"support", "oppose", "mixed", "neutral"}


def toks(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKC", text or "").lower()
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text)


def bag_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def forms(actor: dict) -> set[str]:
    return {" ".join(toks(f)) for f in [actor.get("name"), *(actor.get("aliases") or [])] if toks(f)}


def last_name(actor: dict) -> str | None:
    t = toks(actor.get("name"))
    return t[-1] if t and actor.get("kind", "person") == "person" else None


def same(a: dict, b: dict) -> bool:
    if forms(a) & forms(b):
        return True
    la, lb = last_name(a), last_name(b)
    return bool(la and la == lb)


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: dict, pred: dict) -> dict:
    gactors = gold.get("actors") or []
    pactors = {a["id"]: a for a in pred.get("actors") or []}

    def gold_actor(name):
        if not name:
            return None
        return next((a for a in gactors if a["name"] == name or name in (a.get("aliases") or [])),
                    {"name": name, "kind": "person"})

    files = {Path(a["file"]).name: a["id"] for a in pred.get("articles") or []}
    by_article: dict[str, list[dict]] = {}
    for q in pred.get("quotes") or []:
        by_article.setdefault(q["article"], []).append(q)

    ngold = npred = tp = 0
    spk_ok = spk_n = 0
    matched = []
    for ga in gold.get("articles") or []:
        name = Path(ga["file"]).name
        gq = ga.get("quotes") or []
        pq = by_article.get(files.get(name), [])
        ngold += len(gq)
        npred += len(pq)
        cands = sorted(
            ((bag_f1(toks(p["text"]), toks(g["text"])), gi, pi)
             for gi, g in enumerate(gq) for pi, p in enumerate(pq)),
            reverse=True,
        )
        used_g, used_p = set(), set()
        for s, gi, pi in cands:
            if s < MATCH or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            tp += 1
            matched.append((name, gq[gi], pq[pi]))
            gs = gold_actor(gq[gi].get("speaker"))
            ps = pactors.get(pq[pi].get("speaker")) if pq[pi].get("speaker") else None
            if pq[pi].get("speaker") and ps is None:
                ps = {"name": pq[pi]["speaker"], "kind": "person"}
            spk_n += 1
            spk_ok += (gs is None and ps is None) or (gs is not None and ps is not None and same(ps, gs))
    qp, qr, qf = prf(tp, npred, ngold)

    gp = pp = both = 0
    for (fa, ga_, pa), (fb, gb, pb) in combinations(matched, 2):
        if fa == fb:
            continue
        g_same = ga_.get("group") is not None and ga_.get("group") == gb.get("group")
        p_same = pa.get("group") is not None and pa.get("group") == pb.get("group")
        gp += g_same
        pp += p_same
        both += g_same and p_same
    ap, ar, af = prf(both, pp, gp)

    used = set()
    atp = st_ok = st_n = pol_ok = pol_n = 0
    plist = list(pactors.values())
    for g in gactors:
        hit = next((i for i, p in enumerate(plist) if i not in used and same(p, g)), None)
        if hit is None:
            continue
        used.add(hit)
        atp += 1
        gs, ps = g.get("stance"), plist[hit].get("stance")
        if gs in STANCES:
            st_n += 1
            st_ok += gs == ps
            if gs in ("support", "oppose"):
                pol_n += 1
                pol_ok += gs == ps
    xp, xr, xf = prf(atp, len(plist), len(gactors))
    return {
        "quotes_p": qp, "quotes_r": qr, "quotes_f1": qf,
        "speaker_acc": spk_ok / spk_n if spk_n else 0.0,
        "align_p": ap, "align_r": ar, "align_f1": af,
        "actors_p": xp, "actors_r": xr, "actors_f1": xf,
        "stance_acc": st_ok / st_n if st_n else 0.0,
        "polar_stance_acc": pol_ok / pol_n if pol_n else 0.0,
    }
