#!/usr/bin/env python3
"""Cuts a long run into runs of SEGMENT cycles each (per fault class), so that segments of one soak can be compared
with each other (A/A) exactly as separate runs are: campaign.json (cycles, campaign id), the JSONL lines renumbered
from 1, and the .hlog intervals of those cycles. Usage: segment-run.py RUN_DIR SEGMENT OUT_DIR"""
import json, os, sys

run, seg, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
campaign = json.load(open(os.path.join(run, "campaign.json")))
faults = campaign["faults"]
lines = {f: [json.loads(l) for l in open(os.path.join(run, "phase4-%s.jsonl" % f)) if l.strip()] for f in faults}
n = min(len(v) for v in lines.values()) // seg
if n < 1:
    sys.exit("segment-run: fewer than %d cycles in a class" % seg)
for f in faults:
    lines[f].sort(key=lambda c: c["cycle"])


def hlog_groups(path, cycles):
    """Header lines, and the interval lines grouped by the cycle they fall in (by absolute start time)."""
    header, body, start = [], [], None
    for l in open(path):
        if l.startswith("#") or l.startswith('"'):
            header.append(l)
            if l.startswith("#[StartTime:"):
                start = float(l.split()[1])
        else:
            body.append(l)
    starts = [c["cycle_start_ms"] for c in cycles]
    groups = [[] for _ in cycles]
    for l in body:
        parts = l.split(",")
        ts = float(parts[1] if parts[0].startswith("Tag=") else parts[0])
        t_ms = (start + ts) * 1000
        i = 0
        while i + 1 < len(starts) and starts[i + 1] <= t_ms + 1:
            i += 1
        groups[i].append(l)
    return header, groups


for k in range(n):
    cid = "%s-s%02d" % (campaign["campaign_id"], k + 1)
    d = os.path.join(out, cid)
    os.makedirs(d, exist_ok=True)
    c = dict(campaign, campaign_id=cid, run_dir=os.path.abspath(d), cycles=seg)
    json.dump(c, open(os.path.join(d, "campaign.json"), "w"), indent=2)
    for f in faults:
        part = lines[f][k * seg:(k + 1) * seg]
        with open(os.path.join(d, "phase4-%s.jsonl" % f), "w") as w:
            for i, rec in enumerate(part):
                rec = dict(rec, cycle=i + 1)
                w.write(json.dumps(rec, separators=(",", ":")) + "\n")
        hp = os.path.join(run, "latency-%s.hlog" % f)
        if os.path.exists(hp):
            header, groups = hlog_groups(hp, lines[f])
            with open(os.path.join(d, "latency-%s.hlog" % f), "w") as w:
                w.writelines(header)
                for g in groups[k * seg:(k + 1) * seg]:
                    w.writelines(g)
    print(d)
