#!/usr/bin/env python3
"""Writes the index-derived part of the search relevance sets (bench/search-queries-{dev,test}.tsv and
bench/suggest-prefixes-{dev,test}.tsv) from the official files in CODEDESK_DATA_DIR:

- index:   an ICD-10-CM Alphabetic Index main term as a coder types it (first form, no nonessential modifiers)
           and the code the index prints for it (its default code);
- index2:  a main term with one subterm, typed "subterm main term" ("kidney calculus"), and its code;
- see:     a subterm whose entry is a "see" route, typed the same way, and the code at the end of the route;
- misspelling: a main term of 7+ letters with one typing error (swap, drop, double, neighbour key), same code.
- pcs:     an ICD-10-PCS Index main term that names a procedure in one word ("colonoscopy", "splenectomy",
           "herniorrhaphy") and the codes or tables it leads to, directly or by its "see" routes (any code below
           them is right; checked against the FY2026 PCS order file). Drawn with a separate seed, so the other
           kinds' picks do not change.

Expected codes are kept only when they exist in the FY2026 order file (a header code counts as a prefix: any code
below it is right). A fixed seed makes the sets reproducible; each query goes to dev or test by a hash of its
text, so the two never share a query. Hand-written queries (coders' phrasing, lay words, abbreviations,
procedures, codes) live in bench/search-queries-handwritten.tsv and are split the same way; those written to find
failures and tuned on are in bench/search-queries-dev-only.tsv (always dev), those written after tuning to measure it
in bench/search-queries-test-only.tsv (always test).

Usage: CODEDESK_DATA_DIR=../shared/data python3 bench/make-search-sets.py
"""
import hashlib, os, random, re, sys
import xml.etree.ElementTree as ET

data = os.environ.get("CODEDESK_DATA_DIR", "../shared/data")
index_xml = f"{data}/icd10cm/2017/extracted/icd10cm_index_2017.xml"
order = f"{data}/icd10cm/2026/extracted/icd10cm_order_2026.txt"
codes = {line[6:13].strip() for line in open(order, encoding="latin-1")}
rng = random.Random(21)


def title(el):
    t = el.find("title")
    if t is None:
        return None
    text = (t.text or "").strip()
    return text


def first_form(text):
    return re.sub(r"\s+", " ", text.split(",")[0]).strip()


def key(code):
    return code.replace(".", "").replace("-", "") if code else None


root = ET.parse(index_xml).getroot()
mains = {}
for m in root.iter("mainTerm"):
    t = title(m)
    if t:
        mains.setdefault(first_form(t).lower(), m)


def resolve(route):
    """The code at the end of a see route "Main, sub, subsub" (first level of each name), or None."""
    parts = [p.strip().lower() for p in route.split(",") if p.strip()]
    node = mains.get(parts[0]) if parts else None
    for part in parts[1:]:
        if node is None:
            return None
        node = next((t for t in node.findall("term") if title(t) and first_form(title(t)).lower() == part), None)
    return key(node.findtext("code")) if node is not None else None


SKIP = re.compile(r"^(with|without|in|due|of|and|following|by|see|NEC|NOS|complicating|affecting|during|on|to|from|not|other|specified)\b", re.I)
index, index2, see = [], [], []
for name, m in mains.items():
    if not re.fullmatch(r"[a-z][a-z' -]{3,30}", name):
        continue
    code = key(m.findtext("code"))
    if code and code in codes:
        index.append(("index", name, code, "Alphabetic Index main term default"))
    for t in m.findall("term"):
        sub = title(t)
        if not sub or SKIP.match(sub) or not re.fullmatch(r"[A-Za-z][a-z'-]{3,20}", first_form(sub)):
            continue
        q = f"{first_form(sub).lower()} {name}"
        c = key(t.findtext("code"))
        if c and c in codes:
            index2.append(("index", q, c, f"Index: {name.capitalize()} > {first_form(sub)}"))
        elif t.findtext("see"):
            target = resolve(t.findtext("see"))
            if target and target in codes:
                see.append(("see", q, target, f"Index: {name.capitalize()} > {first_form(sub)} see {t.findtext('see')}"))

KEYS = "qwertyuiopasdfghjklzxcvbnm"


def typo(word):
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["swap", "drop", "double", "near"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    k = KEYS.find(word[i])
    return word[:i] + (KEYS[k + 1] if 0 <= k < len(KEYS) - 1 else "e") + word[i + 1:]


rng.shuffle(index)
rng.shuffle(index2)
rng.shuffle(see)
picked = index[:110] + index2[:80] + see[:40]
misspelled = [(k, q, c, n) for k, q, c, n in index[110:] if " " not in q and len(q) >= 7][:40]
picked += [("misspelling", typo(q), c, n + " (misspelled)") for k, q, c, n in misspelled]

pcs_index = f"{data}/icd10pcs/2025/icd10pcs_index_2025.xml"
pcs_codes = {line[6:13].strip() for line in open(f"{data}/icd10pcs/2026/extracted/icd10pcs_order_2026.txt", encoding="latin-1")}
pcs = []
for m in ET.parse(pcs_index).getroot().iter("mainTerm"):
    name = (m.findtext("title") or "").strip()
    if not re.fullmatch(r"[A-Za-z][a-z-]{4,25}", name):
        continue
    targets = []
    # the term's own code, or the codes its untitled "see" subentries lead to ("Appendectomy - see Excision, Appendix 0DBJ")
    for entry in [m] + [t for t in m.findall("term") if t.find("title") is None]:
        for holder in (entry, entry.find("see")):
            if holder is not None:
                targets += [holder.findtext(tag).strip() for tag in ("code", "codes", "tab") if holder.findtext(tag)]
    if targets and all(any(c.startswith(t) for c in pcs_codes) for t in targets):
        pcs.append(("pcs", name.lower(), "|".join(targets), f"PCS Index: {name}"))
pcs_rng = random.Random(2121)
pcs_rng.shuffle(pcs)
picked += pcs[:80]

# hand-written queries split by hash; those written to find failures (tuned on) are dev only, those written after a
# round of tuning to measure it are test only
forced = {}
for hand, part in (("bench/search-queries-handwritten.tsv", None), ("bench/search-queries-dev-only.tsv", "dev"),
                   ("bench/search-queries-test-only.tsv", "test")):
    if not os.path.exists(hand):
        continue
    for line in open(hand, encoding="utf-8").read().splitlines()[1:]:
        if line.strip() and not line.startswith("#"):
            picked.append(tuple(line.split("\t")))
            if part:
                forced[line.split("\t")[1]] = part


def half(q):
    if q in forced:
        return forced[q]
    return "dev" if int(hashlib.sha1(q.encode()).hexdigest(), 16) % 2 == 0 else "test"


def prefix(q):
    """What a coder has typed when autocomplete should already show the code: the last word cut short."""
    words = q.split(" ")
    last = words[-1]
    keep = max(3, len(last) - max(1, len(last) // 3)) if len(last) > 3 else len(last)
    return " ".join(words[:-1] + [last[:keep]])


for part in ("dev", "test"):
    rows = [r for r in picked if half(r[1]) == part]
    with open(f"bench/search-queries-{part}.tsv", "w", encoding="utf-8") as out:
        out.write("kind\tquery\texpected\tnote\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    with open(f"bench/suggest-prefixes-{part}.tsv", "w", encoding="utf-8") as out:
        out.write("kind\tprefix\texpected\tnote\n")
        seen = set()
        for k, q, c, n in rows:
            if k in ("misspelling",) or len(q) < 3:
                continue
            p = q if k in ("code", "cpt") else prefix(q)
            if len(p) >= 3 and p not in seen:
                seen.add(p)
                out.write(f"{k}\t{p}\t{c}\t{n}\n")
    print(part, len(rows), "queries", file=sys.stderr)
