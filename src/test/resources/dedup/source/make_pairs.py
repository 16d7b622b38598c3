#!/usr/bin/env python3
"""Builds ../pairs.jsonl from the hand-written stories in this folder (*.txt). See ../README.md."""
import glob, itertools, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    clusters, cur, block = [], None, None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n").strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=== "):
            cur = {"id": line[4:].strip(), "stories": {}, "order": [], "variants": []}
            clusters.append(cur)
            block = None
        elif line.startswith("--- "):
            parts = line[4:].split()
            key, kind = parts[0], (parts[1] if len(parts) > 1 else None)
            block = {"key": key, "kind": kind, "title": None, "paras": []}
            cur["stories"][key] = block
            cur["order"].append(key)
        elif line.startswith("~~~ "):
            key, kind = line[4:].split()
            block = {"key": key, "kind": kind, "title": None, "paras": [], "ops": []}
            cur["variants"].append(block)
        elif line.startswith("T "):
            block["title"] = line[2:].strip()
        elif line.startswith("@"):
            op, _, arg = line[1:].partition(" ")
            block["ops"].append((op, arg.strip()))
        else:
            block["paras"].append(line)
    return clusters


def apply(base, variant):
    if variant["title"] is not None and variant["paras"]:
        return {"title": variant["title"], "paras": list(variant["paras"])}
    title, paras = base["title"], list(base["paras"])
    for op, arg in variant["ops"]:
        if op == "title":
            title = arg
        elif op == "pre":
            paras.insert(0, arg)
        elif op == "post":
            paras.append(arg)
        elif op == "lead":
            paras[0] = arg + " " + paras[0]
        elif op == "keep":
            paras = paras[: int(arg)]
        else:
            sys.exit("unknown op @" + op)
    if variant["title"] is not None:
        title = variant["title"]
    return {"title": title, "paras": paras}


def story(s):
    return {"title": s["title"], "text": "\n".join(s["paras"])}


def main():
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, "*.txt"))):
        for c in parse(path):
            for v in c["variants"]:
                base = c["stories"][v["key"]]
                out.append({"id": f"{c['id']}/{v['key']}~{v['kind']}", "label": "dup", "kind": v["kind"],
                            "a": story(base), "b": story(apply(base, v))})
            for x, y in itertools.combinations(c["order"], 2):
                sy = c["stories"][y]
                out.append({"id": f"{c['id']}/{x}-{y}", "label": "distinct", "kind": sy["kind"],
                            "a": story(c["stories"][x]), "b": story(sy)})
    with open(os.path.join(HERE, "..", "pairs.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    from collections import Counter
    print(len(out), "pairs", Counter(o["label"] for o in out), Counter((o["label"], o["kind"]) for o in out))


main()
