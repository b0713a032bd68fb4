#!/bin/sh
# Corpus figures for lint --fix (README, "--fix on copies of the corpus"). Run from the repository root after
# `make build`: fresh writable copies of v1.0 and beta in /tmp/fixcorpus, lint before, --fix --diff, --fix, lint
# after, a second --fix --diff; then fix-compare.py compares the findings before and after.
set -e
BIN=${BIN:-$PWD/bin/graphdocgen}
CORPUS=${CORPUS:-$PWD/../shared/corpus/graph-docs-2021}
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf /tmp/fixcorpus && mkdir -p /tmp/fixcorpus
cp -r "$CORPUS/v1.0" "$CORPUS/beta" /tmp/fixcorpus/
chmod -R u+w /tmp/fixcorpus
cd /tmp/fixcorpus
for v in v1.0 beta; do
  $BIN lint --docs $v --format json --fail-on none > /tmp/fc_${v}_before.json 2>/dev/null
  $BIN lint --docs $v --fix --diff > /tmp/fc_${v}.diff 2>/tmp/fc_${v}_diff.err || true
  $BIN lint --docs $v --fix --fail-on none > /tmp/fc_${v}_fix.txt 2>/tmp/fc_${v}_fix.err
  $BIN lint --docs $v --format json --fail-on none > /tmp/fc_${v}_after.json 2>/dev/null
  $BIN lint --docs $v --fix --diff > /tmp/fc_${v}_second.diff 2>/tmp/fc_${v}_second.err || true
  echo "== $v"; sed -n '/^fixed/,$p' /tmp/fc_${v}_fix.err
  echo "second run: $(tail -1 /tmp/fc_${v}_second.err), $(wc -c < /tmp/fc_${v}_second.diff) bytes of diff"
  git apply -R --check /tmp/fc_${v}.diff && echo "$v: the first --fix --diff output reverse-applies to the fixed tree"
done
python3 "$HERE/fix-compare.py"
