/** Who an action plan is, in every answer that names one: number, name, policy and theme (with English). */
export interface ActionPlanHeader {
  number: number;
  name: string;
  nameEn: string | null;
  policy: { number: number; name: string; nameEn: string | null };
  theme: string;
  themeEn: string | null;
}
