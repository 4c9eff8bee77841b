#!/bin/bash
# lsa batch against separate lsa match runs, back to back in one run: one source x 20 targets (copies of the
# sample images, so 20 distinct target files). Prints both wall times and their ratio, and checks that every
# row's matches.json equals the separate run's (image paths aside: the batch writes them absolute).
#   bench/batch_source_reuse.sh [ALIGNER OPTION]     (default --default-aligner; e.g. --hashed-weights)
# Needs the distribution: mvn -B -ntp -q -DskipTests package
set -eu
OPT=${1:---default-aligner}
REPO=$(cd "$(dirname "$0")/.." && pwd)
LSA=${LSA:-$REPO/target/dist/bin/lsa}   # or any launcher of the same build
WORK=$(mktemp -d)
mkdir -p "$WORK/img" "$WORK/sep"
cp "$REPO/assets/samples/dog.jpg" "$WORK/img/source.jpg"
i=0
for round in 1 2 3; do
  for f in "$REPO"/assets/samples/*.jpg "$REPO"/assets/samples/*.png; do
    i=$((i + 1)); [ $i -le 20 ] && cp "$f" "$WORK/img/t$(printf %02d $i).${f##*.}"
  done
done
(echo source,target; for f in "$WORK"/img/t*; do echo "img/source.jpg,img/$(basename "$f")"; done) > "$WORK/pairs.csv"
cd "$WORK"
uptime
start=$(date +%s.%N)
for f in img/t*; do "$LSA" match img/source.jpg "$f" $OPT --device cpu --json "sep/$(basename "$f").json" > /dev/null 2>&1; done
middle=$(date +%s.%N)
"$LSA" batch --pairs pairs.csv --out out $OPT --device cpu > batch.out 2> batch.err
end=$(date +%s.%N)
uptime
python3 - "$WORK" <<'PY'
import glob, json, sys
work = sys.argv[1]
same = 0
for i in range(1, 21):
    a = json.load(open(glob.glob(f"{work}/sep/t{i:02d}.*.json")[0]))
    b = json.load(open(f"{work}/out/{i:04d}/matches.json"))
    for d in (a, b):
        d["source"].pop("path"); d["target"].pop("path")
    same += a == b
print(f"matches.json equal to the separate run's: {same} of 20")
PY
echo "aligner $OPT: 20 separate lsa match $(echo "$middle - $start" | bc) s, lsa batch $(echo "$end - $middle" | bc) s, ratio $(echo "scale=3; ($end - $middle) / ($middle - $start)" | bc)"
rm -rf "$WORK"
