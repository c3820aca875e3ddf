#!/usr/bin/env bash
# Manual check that the XLSX export opens in LibreOffice without repair and prints cleanly.
# Not run by CI: LibreOffice is a large install and one conversion takes about 10 s.
#
#   apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils fonts-noto-cjk
#   scripts/check-xlsx.sh [ja|en] [OUT_DIR]
#
# Writes the seeded plan's exports (with a filled-in example review on ⑬) to OUT_DIR (default: a
# temp dir), converts the workbook to PDF with LibreOffice headless, fails if LibreOffice cannot
# read it, and renders ⑬'s evaluation sheet to docs/images/evaluation-sheet-13[-en].png.
set -euo pipefail

locale="${1:-ja}"
out="${2:-$(mktemp -d)}"
root="$(cd "$(dirname "$0")/.." && pwd)"

for tool in soffice pdftoppm pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "check-xlsx: $tool is missing (see the install line at the top)" >&2; exit 2; }
done

xlsx="$(cd "$root" && npx tsx scripts/sample-exports.ts "$out" "$locale")"
pdf="${xlsx%.xlsx}.pdf"
rm -f "$pdf"

# A private profile keeps the run from touching (or waiting on) a desktop LibreOffice's profile.
profile="$(mktemp -d)"
start=$(date +%s.%N)
soffice -env:UserInstallation="file://$profile" --headless --norestore \
  --convert-to pdf --outdir "$out" "$xlsx" > "$out/soffice.log" 2>&1 || true
end=$(date +%s.%N)
rm -rf "$profile"
if [[ ! -s "$pdf" ]]; then
  echo "check-xlsx: LibreOffice could not convert $xlsx:" >&2
  cat "$out/soffice.log" >&2
  exit 1
fi
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
printf 'check-xlsx: %s → %s, %s pages, conversion took %.1f s\n' "$xlsx" "$pdf" "$pages" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"

# ⑬'s evaluation sheet is the page whose text carries both the sheet title and ⑬'s name.
if [[ "$locale" == en ]]; then title='Action plan evaluation sheet'; suffix='-en'; else title='アクションプラン評価シート'; suffix=''; fi
page=''
for ((i = 1; i <= pages; i++)); do
  text="$(pdftotext -f "$i" -l "$i" "$pdf" -)"
  if [[ "$text" == *"$title"* && "$text" == *"⑬ 施設のＩＣＴ環境の充実"* ]]; then page=$i; break; fi
done
[[ -n "$page" ]] || { echo "check-xlsx: no page holds ⑬'s evaluation sheet" >&2; exit 1; }

mkdir -p "$root/docs/images"
png="$root/docs/images/evaluation-sheet-13$suffix.png"
pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$pdf" "${png%.png}"
echo "check-xlsx: page $page (⑬) → $png"
