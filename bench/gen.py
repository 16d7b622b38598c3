#!/usr/bin/env python3
"""Generates a benchmark corpus: N sources x M items of RSS 2.0 and Atom 1.0 (half each).

Writes into OUT:
  feeds/src-NNNN.rss|.atom  the source documents (served by bench/serve.sh)
  feeds.yml                 feedhub's config listing them as http://127.0.0.1:PORT/feeds/... sources
  urls                      the same URLs, one a line (newsboat's urls file)
  sources.opml              the same as OPML 2.0
  manifest.json             counts (sources, items, bytes, shared stories)

Stdlib only, deterministic for a given --seed.  About 5% of items are stories shared across sources
(same link; a third of the copies carry utm_* tracking parameters), so feedhub's cross-source de-duplication
has work to do.
"""
import argparse
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from xml.sax.saxutils import escape

WORDS = """the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when what will who more if no out so said
up about than into them can only other new some could time these two may then do first any my now such like our
over man me even most made after also did many before must through back years where much your way well down
should because each just those people how too little state good very make world still own see men work long get
here between both life being under never day same another know while last might us great old year off come since
against go came right used take three government minister report officials city council week police court market
company bank talks election vote parliament border agreement statement spokesman hospital school project budget
water energy power industry workers union strike price prices rates analysts investors shares growth economy
security forces army troops ceasefire aid refugees region province capital coast river storm flood drought heat
scientists study data research university science space launch satellite technology software network phone
""".split()

TOPIC_WORDS = {
    "iran": ["Iran", "Tehran", "Iranian"],
    "climate": ["climate", "emissions", "carbon", "warming"],
    "markets": ["stocks", "markets", "inflation", "bonds"],
    "sport": ["football", "sport", "league", "match"],
    "korea": ["North Korea", "Pyongyang"],
    "syria": ["Syria", "Damascus", "Syrian"],
}

NAMES = ["Anna Petrova", "John Smith", "María García", "Li Wei", "Ahmed Hassan", "Sophie Martin", "Kenji Sato",
         "Olga Ivanova", "David Brown", "Fatima Khan", "Lucas Silva", "Emma Wilson", "José Núñez", "Jürgen Müller",
         "François Lefèvre", "Zoë Brontë"]
# Real feeds are not pure ASCII: curly quotes, dashes, accented names and places.
FLAVOUR = ["the minister’s office", "“a turning point”", "— officials said —", "in São Paulo", "in Zürich",
           "near Kraków", "the region’s capital", "café owners", "Lavrov’s deputy", "in Brasília"]
CATEGORIES = ["World", "Politics", "Business", "Science", "Technology", "Health", "Environment", "Sport", "Culture"]
HOSTS = ["wire.example", "ledger.example", "daily.example", "courier.example", "post.example", "herald.example",
         "times.example", "gazette.example", "tribune.example", "observer.example"]


def sentence(rng, n=None, topical=None):
    n = n or rng.randint(8, 22)
    words = [rng.choice(WORDS) for _ in range(n)]
    if topical and rng.random() < 0.6:
        words.insert(rng.randint(0, len(words)), rng.choice(topical))
    if rng.random() < 0.3:
        words.insert(rng.randint(1, len(words)), rng.choice(FLAVOUR))
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def title_for(rng, topical):
    words = [rng.choice(WORDS) for _ in range(rng.randint(5, 10))]
    if topical:
        words.insert(rng.randint(0, len(words)), rng.choice(topical))
    t = " ".join(words)
    return t[0].upper() + t[1:]


def body_html(rng, link, topical, target):
    """1-3 KB of HTML: paragraphs with links and emphasis, an image with a caption, sometimes a list."""
    parts = []
    host = link.split("/")[2]
    if rng.random() < 0.5:
        parts.append('<figure><img src="https://%s/img/%d.jpg" alt="%s" width="640" height="360">'
                     '<figcaption>%s [PPIO]</figcaption></figure>'
                     % (host, rng.randint(1, 10 ** 6), escape(sentence(rng, 5)), escape(sentence(rng, 8))))
    size = sum(len(p) for p in parts)
    while size < target:
        sents = [sentence(rng, topical=topical) for _ in range(rng.randint(2, 5))]
        if rng.random() < 0.4:
            i = rng.randrange(len(sents))
            sents[i] = '%s <a href="https://%s/%s/%d">%s</a>.' % (
                sents[i][:-1], host, rng.choice(["news", "world", "story"]), rng.randint(1, 10 ** 6),
                " ".join(rng.choice(WORDS) for _ in range(3)))
        if rng.random() < 0.2:
            sents.append("<em>%s</em>" % escape(sentence(rng, 6)))
        p = "<p>" + " ".join(sents) + "</p>"
        if rng.random() < 0.1:
            p += "<ul>" + "".join("<li>%s</li>" % escape(sentence(rng, 6)) for _ in range(3)) + "</ul>"
        parts.append(p)
        size += len(p)
    return "\n".join(parts)


def make_story(rng, now, link, guid):
    topic = rng.choice(list(TOPIC_WORDS)) if rng.random() < 0.5 else None
    topical = TOPIC_WORDS[topic] if topic else None
    title = title_for(rng, topical)
    html = body_html(rng, link, topical, rng.randint(1000, 3000))
    published = now - timedelta(seconds=rng.randint(60, 30 * 86400))
    summary = sentence(rng, 20, topical)
    return {
        "title": title, "link": link, "guid": guid, "html": html, "summary": summary,
        "published": published, "updated": published + timedelta(minutes=rng.choice([0, 0, 5, 60])),
        "author": rng.choice(NAMES), "category": rng.choice(CATEGORIES),
    }


def tracked(rng, link, source_no):
    if rng.random() < 1 / 3:
        return link + "?utm_source=feed%d&utm_medium=rss&utm_campaign=bench" % source_no
    return link


def rss(src, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
           "<channel>",
           "<title>%s</title>" % escape(src["title"]),
           "<link>https://%s/</link>" % src["host"],
           '<atom:link href="%s" rel="self" type="application/rss+xml"/>' % escape(src["url"]),
           "<description>%s</description>" % escape(src["title"] + " news"),
           "<language>en</language>",
           "<lastBuildDate>%s</lastBuildDate>" % format_datetime(src["built"]),
           "<ttl>15</ttl>"]
    for it in items:
        out.append("<item>")
        out.append("<title>%s</title>" % escape(it["title"]))
        out.append("<link>%s</link>" % escape(it["link"]))
        out.append('<guid isPermaLink="false">%s</guid>' % escape(it["guid"]))
        out.append("<pubDate>%s</pubDate>" % format_datetime(it["published"]))
        out.append("<dc:creator>%s</dc:creator>" % escape(it["author"]))
        out.append("<category>%s</category>" % escape(it["category"]))
        out.append("<description>%s</description>" % escape("<p>" + escape(it["summary"]) + "</p>"))
        out.append("<content:encoded><![CDATA[%s]]></content:encoded>" % it["html"].replace("]]>", "]]&gt;"))
        out.append("</item>")
    out.append("</channel>\n</rss>\n")
    return "\n".join(out)


def rfc3339(d):
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom(src, items):
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
           "<title>%s</title>" % escape(src["title"]),
           "<id>tag:%s,2024:feed</id>" % src["host"],
           '<link rel="alternate" type="text/html" href="https://%s/"/>' % src["host"],
           '<link rel="self" type="application/atom+xml" href="%s"/>' % escape(src["url"]),
           "<updated>%s</updated>" % rfc3339(src["built"])]
    for it in items:
        out.append("<entry>")
        out.append("<title>%s</title>" % escape(it["title"]))
        out.append('<link rel="alternate" type="text/html" href="%s"/>' % escape(it["link"]))
        out.append("<id>%s</id>" % escape(it["guid"]))
        out.append("<published>%s</published>" % rfc3339(it["published"]))
        out.append("<updated>%s</updated>" % rfc3339(it["updated"]))
        out.append("<author><name>%s</name></author>" % escape(it["author"]))
        out.append('<category term="%s"/>' % escape(it["category"]))
        out.append('<summary type="html">%s</summary>' % escape("<p>" + escape(it["summary"]) + "</p>"))
        out.append('<content type="html">%s</content>' % escape(it["html"]))
        out.append("</entry>")
    out.append("</feed>\n")
    return "\n".join(out)


FEEDS_YML_HEAD = """# Generated by bench/gen.py: %(sources)d sources x %(items)d items, served by bench/serve.sh.
defaults:
  every: 15m
  keep: 3650d
sources:
"""

FEEDS_YML_TOPICS = """topics:
  - id: all
    title: Everything
    description: every story of every source
    limit: 50
  - id: iran
    title: Iran
    match:
      any: [iran, tehran, iranian]
    limit: 50
  - id: climate
    title: Climate
    match:
      any: [climate, emissions, carbon, warming]
      none: [football, sport]
    limit: 50
  - id: markets
    title: Markets
    sources: [%(half)s]
    match:
      any: [stocks, markets, inflation, bonds]
    limit: 100
tags:
  Iran: [iran, iranian, tehran]
  Syria: [syria, syrian, damascus]
  North Korea: [north korea, pyongyang]
  Climate: [climate, emissions, carbon]
  Markets: [stocks, markets, inflation, bonds]
  Sport: [football, sport, league]
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=1000)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--port", type=int, default=18480)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--shared", type=float, default=0.05, help="share of items that are cross-source duplicates")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    feeds_dir = os.path.join(a.out, "feeds")
    os.makedirs(feeds_dir, exist_ok=True)

    total = a.sources * a.items
    # Shared stories: each appears in about 2.5 sources on average.
    n_shared = max(1, int(total * a.shared / 2.5)) if a.shared > 0 else 0
    shared = []
    for k in range(n_shared):
        host = rng.choice(HOSTS)
        link = "https://%s/world/%d/shared-story-%d" % (host, now.year, k)
        shared.append(make_story(rng, now, link, link))

    srcs = []
    n_bytes = 0
    n_shared_items = 0
    for i in range(1, a.sources + 1):
        kind = "rss" if i % 2 else "atom"
        sid = "src-%04d" % i
        host = HOSTS[i % len(HOSTS)]
        url = "http://127.0.0.1:%d/feeds/%s.%s" % (a.port, sid, kind)
        src = {"id": sid, "kind": kind, "url": url, "host": host, "title": "Bench source %d (%s)" % (i, host),
               "built": now}
        items = []
        used = set()
        for j in range(a.items):
            if shared and rng.random() < a.shared:
                k = rng.randrange(len(shared))
                if k not in used:
                    used.add(k)
                    s = dict(shared[k])
                    s["link"] = tracked(rng, s["link"], i)
                    s["guid"] = "%s:%s" % (sid, s["guid"])   # each carrier has its own guid
                    items.append(s)
                    n_shared_items += 1
                    continue
            link = "https://%s/%s/%d/%s-%d" % (host, rng.choice(["news", "world", "business", "science"]), now.year,
                                              sid, j)
            guid = link if kind == "rss" and rng.random() < 0.5 else "urn:bench:%s:%d" % (sid, j)
            items.append(make_story(rng, now, link, guid))
        items.sort(key=lambda s: s["published"], reverse=True)
        doc = rss(src, items) if kind == "rss" else atom(src, items)
        data = doc.encode("utf-8")
        n_bytes += len(data)
        with open(os.path.join(feeds_dir, "%s.%s" % (sid, kind)), "wb") as f:
            f.write(data)
        srcs.append(src)

    with open(os.path.join(a.out, "feeds.yml"), "w") as f:
        f.write(FEEDS_YML_HEAD % {"sources": a.sources, "items": a.items})
        for s in srcs:
            f.write("  - id: %s\n    url: %s\n" % (s["id"], s["url"]))
            if int(s["id"][4:]) % 10 == 0:
                f.write("    tags: [bench]\n")
        half = ", ".join(s["id"] for s in srcs[: max(1, len(srcs) // 2)])
        f.write(FEEDS_YML_TOPICS % {"half": half})
    with open(os.path.join(a.out, "urls"), "w") as f:
        for s in srcs:
            f.write(s["url"] + "\n")
    with open(os.path.join(a.out, "sources.opml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n<head><title>bench sources</title></head>\n<body>\n')
        for s in srcs:
            f.write('  <outline type="rss" text="%s" xmlUrl="%s"/>\n' % (escape(s["title"]), escape(s["url"])))
        f.write("</body>\n</opml>\n")
    manifest = {"sources": a.sources, "items_per_source": a.items, "items": total, "bytes": n_bytes,
                "shared_stories": n_shared, "shared_items": n_shared_items, "port": a.port, "seed": a.seed,
                "generated": now.isoformat()}
    with open(os.path.join(a.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print("gen: %d sources x %d items = %d items, %.1f MB, %d shared items (%d distinct shared stories) in %s"
          % (a.sources, a.items, total, n_bytes / 1e6, n_shared_items, n_shared, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
