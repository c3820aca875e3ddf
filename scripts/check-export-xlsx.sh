#!/usr/bin/env bash
# Manual check that workbooks written by `npm run export` from a real store (the seeded 4th plan,
# and the made-up 5th plan of test/fixtures imported beside it) open in LibreOffice headless.
# Not run by CI, like scripts/check-xlsx.sh (which checks the renderer on the seed model and
# renders the README's picture); same install line:
#
#   apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-noto-cjk
#   scripts/check-export-xlsx.sh [OUT_DIR]
set -euo pipefail

out="${1:-$(mktemp -d)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
for tool in soffice pdfinfo; do
  command -v "$tool" >/dev/null || { echo "check-export-xlsx: $tool is missing (see the install line at the top)" >&2; exit 2; }
done

export DATABASE_PATH="$out/plans.db" PLAN_LOCALE=ja PLAN_CODE=
cd "$root"
node --import tsx src/bin/export.ts --plan suita-4 --format xlsx --out "$out/suita-4.xlsx" >/dev/null
node --import tsx src/bin/import.ts test/fixtures/plan-5th-sample.json >/dev/null
node --import tsx src/bin/export.ts --plan suita-5 --format xlsx --out "$out/suita-5.xlsx" >/dev/null

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for book in "$out/suita-4.xlsx" "$out/suita-5.xlsx"; do
  pdf="${book%.xlsx}.pdf"
  rm -f "$pdf"
  start=$(date +%s.%N)
  soffice -env:UserInstallation="file://$profile" --headless --norestore \
    --convert-to pdf --outdir "$out" "$book" > "$out/soffice.log" 2>&1 || true
  end=$(date +%s.%N)
  if [[ ! -s "$pdf" ]]; then
    echo "check-export-xlsx: LibreOffice could not convert $book:" >&2
    cat "$out/soffice.log" >&2
    exit 1
  fi
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  printf 'check-export-xlsx: %s → %s pages in %.1f s\n' "$book" "$pages" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
done
