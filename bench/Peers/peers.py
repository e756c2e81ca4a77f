#!/usr/bin/env python3
"""The peers' table from a build log (bench/Peers/run.sh) and a label file (Labels/<app>.tsv).

  peers.py sample LOG ROOT [N]    each rule's warnings once, and the first N (8; 30 of a rule with more than 100) of
                                  each by SHA-256 of "peers <rule> <file:line> <message>", as TODO lines to decide
  peers.py score LOG ROOT LABELS  per rule: warnings, labelled TRUE/FALSE/UNCLEAR, precision (TRUE over TRUE+FALSE);
                                  then every TRUE site with the rules that report it (what each finds that others miss)
"""
import functools, hashlib, re, sys

RULES = ("NB0001", "NB0002", "CA1849", "MA0042", "MA0045", "VSTHRD002", "VSTHRD103", "AsyncFixer02")


def warnings(log, root):
    root = root.rstrip("/") + "/"
    seen = {}
    for line in open(log, errors="replace"):
        m = re.match(r"\s*(.+?)\((\d+),\d+\): warning (\w+): (.*?)(?: \[[^\]]*\])?\s*$", line)
        if m and m.group(3) in RULES:
            f, ln, rule, msg = m.groups()
            seen[(rule, f.replace(root, "") + ":" + ln, msg)] = True
    return list(seen)


def same_statement(root, f, first, line):
    """Whether the statement on line `first` of f runs on to `line` (no line between ends one)."""
    if first == line:
        return True
    if not first < line <= first + 3:
        return False
    src = source_lines(root, f)
    return all(not src[i - 1].rstrip().endswith((";", "{", "}")) for i in range(first, line))


@functools.lru_cache(maxsize=None)
def source_lines(root, f):
    """A source file's lines, read once however many sites and warnings ask."""
    return open(root.rstrip("/") + "/" + f, errors="replace").read().split("\n")


def reports(warning, site, root):
    """Whether a warning reports a site (file:line): on its line, or on the first line of the statement the site is in
    (NonBlocking puts a warning there, the others on the call's line), or, for NB0002, as the end of its path."""
    rule, loc, msg = warning
    f, line = site.rsplit(":", 1)
    wf, wl = loc.rsplit(":", 1)
    if wf == f and same_statement(root, f, int(wl), int(line)):
        return True
    end = re.search(r" at ([^ (]+)\((\d+),\d+\)\. ", msg) if rule == "NB0002" else None
    return bool(end) and f.endswith("/" + end.group(1)) and same_statement(root, f, int(end.group(2)), int(line))


def sample(found, n):
    """Each rule's first n warnings by the seeded hash; 30 of a rule with more than 100, so a flood is read as closely."""
    for rule in RULES:
        keys = sorted((k for k in found if k[0] == rule),
                      key=lambda k: hashlib.sha256(("peers %s %s %s" % k).encode()).hexdigest())
        yield from keys[:max(n, 30) if len(keys) > 100 else n]


def main():
    mode, log, root = sys.argv[1:4]
    found = warnings(log, root)
    if mode == "sample":
        for k in sample(found, int(sys.argv[4]) if len(sys.argv) > 4 else 8):
            print("TODO\t%s\t%s\t%s" % k)
        return
    labels = {}
    for line in open(sys.argv[4]):
        if line.startswith("#") or not line.strip():
            continue
        verdict, rule, loc, _ = line.rstrip("\n").split("\t", 3)
        labels[(rule, loc)] = verdict
    missing = [k for k in sample(found, 8) if (k[0], k[1]) not in labels]
    print("| rule | warnings | labelled | TRUE | FALSE | UNCLEAR | precision |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rule in RULES:
        n = sum(1 for k in found if k[0] == rule)
        v = [labels[(rule, loc)] for loc in {k[1] for k in found if k[0] == rule} if (rule, loc) in labels]
        t, f, u = v.count("TRUE"), v.count("FALSE"), v.count("UNCLEAR")
        p = "%d %%" % round(100 * t / (t + f)) if t + f else "–"
        print(f"| {rule} | {n} | {len(v)} | {t} | {f} | {u} | {p} |")
    print()
    print("| TRUE site | reported by |")
    print("|---|---|")
    for loc in sorted({loc for (rule, loc), v in labels.items() if v == "TRUE"}):
        print("| %s | %s |" % (loc, ", ".join(r for r in RULES if any(k[0] == r and reports(k, loc, root) for k in found))))
    if missing:
        print("\nunlabelled sampled warnings:\n" + "\n".join("TODO\t%s\t%s\t%s" % k for k in missing))
        sys.exit(1)


main()
