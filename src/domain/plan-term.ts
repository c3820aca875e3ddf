/**
 * Which term (期) a plan is: the 4 of 吹田市第4期情報化推進計画. People say 「5期の3番」, so
 * `/plan 5期 3` must find the 5th plan. Read from the name (第４期, 第4期, after NFKC), else
 * from a code ending in the number (suita-4). Null when neither says.
 */
export function planTermOf(plan: { name: string; code: string }): number | null {
  const named = /第\s*(\d{1,2})\s*期/.exec(plan.name.normalize('NFKC'));
  if (named) return Number(named[1]);
  const coded = /-(\d{1,2})$/.exec(plan.code);
  return coded ? Number(coded[1]) : null;
}

/** The family a plan code belongs to (suita-4 → suita), to prefer a city's own plans. */
export function planFamilyOf(code: string): string {
  return code.replace(/-\d+$/, '');
}
