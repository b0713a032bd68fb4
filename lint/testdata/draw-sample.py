#!/usr/bin/env python3
# Draw a uniform random sample of lint findings for a precision check: N findings from each JSON report given,
# chosen by Python's random.Random(SEED), not by hand; each is printed with the page lines around it.
# Usage: python3 lint/testdata/draw-sample.py N SEED REPORT.json [REPORT.json ...]
import json, random, sys

n, seed, reports = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
rng = random.Random(seed)
k = 0
for report in reports:
    findings = json.load(open(report))["findings"]
    findings.sort(key=lambda f: (f["file"], f["line"], f["col"], f["rule"], f["message"]))
    for f in rng.sample(findings, n):
        k += 1
        print(json.dumps({"n": k, "file": f["file"], "line": f["line"], "col": f["col"], "rule": f["rule"],
                          "severity": f["severity"], "message": f["message"]}))
