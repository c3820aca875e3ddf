import type { ReviewAnswer } from '../../commands/review/results.ts';
import type { Messages } from '../messages/index.ts';
import { targetWords } from './describe.ts';
import { computedWord, correctionLine, gradeWord, missingLine, PLAIN, reviewState, snapshotFigure } from './review-words.ts';

/** The committee's review for a terminal: the whole summary at once (no pages), sheets in full. */
export function reviewTextLines(a: ReviewAnswer, m: Messages): string[] {
  switch (a.type) {
    case 'list':
      if (a.reviews.length === 0) return [m.review.list.empty];
      return [m.review.list.title, ...a.reviews.map((v) => m.review.list.line(m.fiscalYear(v.fiscalYear), reviewState(v, m))), '', m.review.list.hint];
    case 'summary': {
      const r = m.review.summary;
      const out = [
        r.title(m.fiscalYear(a.review.fiscalYear)),
        [
          a.review.closed ? reviewState(a.review, m) : m.review.state.now,
          r.opened(PLAIN.who(a.review.openedBy), m.instant(a.review.openedAt)),
          ...(a.review.meetingDate ? [r.meeting(m.date(a.review.meetingDate))] : []),
          r.members(a.memberCount),
          r.snapshot,
        ].join(m.separator),
      ];
      if (a.review.openReason) out.push(r.openReason(a.review.openReason));
      if (a.missing.length) out.push('', `■ ${r.missingTitle}`, ...a.missing.map((x) => `・${missingLine(x, m, PLAIN)}`));
      if (a.corrections.length) out.push('', `■ ${r.correctionsTitle}`, ...a.corrections.map((c) => `・${correctionLine(c, m, PLAIN)}`));
      let policy: number | null = null;
      let theme: string | null = null;
      for (const row of a.rows) {
        const p = row.actionPlan;
        if (p.policy.number !== policy) {
          policy = p.policy.number;
          theme = null;
          out.push('', `■ ${r.policy(p.policy.number, p.policy.name)}`);
        }
        if (p.theme !== theme) out.push(`  ${r.theme((theme = p.theme))}`);
        const tally = row.memberGrades.map((t) => r.tally(gradeWord(t.grade, m), t.count)).join(' ');
        const parts = [
          r.computed(computedWord(row.computed, null, m)),
          tally ? r.memberGrades(tally) : r.noMemberGrades,
          ...(row.opinions ? [r.opinions(row.opinions)] : []),
          row.agreed ? r.agreed(gradeWord(row.agreed, m)) : r.noAgreed,
          ...(row.wayForward ? [r.wayForward(m.review.wayForward[row.wayForward])] : []),
        ];
        out.push(`  ${m.circled(p.number)} ${p.name}${row.corrected ? m.paren(m.review.corrected) : ''}`, `      ${parts.join(m.separator)}`);
      }
      return out;
    }
    case 'sheet': {
      const t = m.review.sheet;
      const ap = a.sheet.actionPlan;
      const out = [
        t.title(m.circled(ap.number), ap.name, m.fiscalYear(a.review.fiscalYear)),
        `${m.plan.policy(ap.policy.number, ap.policy.name)}${m.separator}${m.plan.theme(ap.theme.name)}${m.separator}${reviewState(a.review, m)}`,
        '',
        `■ ${t.indicators}`,
      ];
      for (const i of ap.indicators) out.push(`${i.name}${m.plan.unitNote(i.unit, i.direction === 'lower_is_better')}`, `  ${snapshotFigure(i, m)}`);
      out.push(t.computed(computedWord(ap.grade, ap.ungraded, m)));
      for (const c of a.sheet.corrections) out.push(`⚠ ${correctionLine(c, m, PLAIN)}`);
      if (ap.narrative) {
        out.push('', `■ ${t.narrative(ap.narrativeFiscalYear ? m.fiscalYear(ap.narrativeFiscalYear) : null)}`, ap.narrative);
      }
      out.push('', `■ ${t.assessments}`);
      if (a.sheet.assessments.length === 0) out.push(t.noAssessments);
      for (const x of a.sheet.assessments) {
        out.push(`${t.assessment(PLAIN.who(x.memberId), gradeWord(x.grade, m), m.instant(x.recordedAt))}${x.earlier ? t.edited(x.earlier) : ''}`);
        if (x.opinion) out.push(...x.opinion.split('\n').map((line) => `  ${line}`));
      }
      const agreed = a.sheet.agreed;
      out.push('', `■ ${t.agreed}`, agreed ? t.agreedBy(gradeWord(agreed.grade, m), PLAIN.who(agreed.recordedBy), m.instant(agreed.recordedAt)) : t.noAgreed);
      const response = a.sheet.response;
      out.push('', `■ ${t.response}`);
      if (response) {
        out.push(t.responseBy(m.review.wayForward[response.wayForward], PLAIN.who(response.recordedBy), m.instant(response.recordedAt)), response.response);
      } else out.push(t.noResponse);
      if (a.review.closed) out.push('', t.closedNote);
      return out;
    }
    case 'committee': {
      const c = m.review.committee;
      const out: string[] = [];
      if (a.change) {
        const who = PLAIN.who(a.change.userId);
        const { action, changed } = a.change;
        out.push(action === 'add' ? (changed ? c.added(who) : c.alreadyMember(who)) : changed ? c.removed(who) : c.notMember(who));
      }
      out.push(c.title, ...(a.members.length ? a.members.map((x) => c.member(PLAIN.who(x.userId), x.source)) : [c.none]));
      return out;
    }
    default: {
      if (a.duplicate) return [m.review.duplicate];
      switch (a.type) {
        case 'opened':
          return [m.review.opened.title(m.fiscalYear(a.review.fiscalYear)), m.review.opened.locked(m.fiscalYear(a.review.fiscalYear))];
        case 'closed':
          return [
            m.review.closed.title(m.fiscalYear(a.review.fiscalYear)),
            ...(a.withoutAgreed.length ? [m.review.closed.withoutAgreed(a.withoutAgreed.map((n) => m.circled(n)).join(' '))] : []),
          ];
        case 'agreed':
          return [
            `${m.review.agreed.saved(m.circled(a.actionPlan.number), m.fiscalYear(a.review.fiscalYear), gradeWord(a.grade, m))}${a.previous ? m.review.agreed.replaced(gradeWord(a.previous, m)) : ''}`,
          ];
        case 'target_revised':
          return [
            m.review.target.saved(
              m.circled(a.actionPlan.number),
              a.indicator.name,
              m.fiscalYear(a.fiscalYear),
              targetWords(a.previous, a.indicator, m),
              targetWords(a.target, a.indicator, m),
            ),
            m.review.target.why(a.reason, a.decision),
            m.review.target.kept,
          ];
      }
    }
  }
}
