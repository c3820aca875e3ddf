import type { types, ViewErrorsResponseAction } from '@slack/bolt';
import type { AssessmentFieldError, AssessmentFieldErrors, AssessmentForm } from '../../../commands/review/assessment.ts';
import type { ResponseFieldError, ResponseFieldErrors, ResponseForm } from '../../../commands/review/response.ts';
import type { ReviewProblem } from '../../../commands/review/results.ts';
import { MAX_OPINION_LENGTH, MAX_RESPONSE_LENGTH, WAY_FORWARDS } from '../../domain/review.ts';
import type { Messages } from '../../messages/index.ts';
import { computedWord, gradeWord, PLAIN, reviewProblemText } from '../review-words.ts';
import { escapeMrkdwn } from './build.ts';
import { truncateText } from './limits.ts';
import { MODAL_LIMITS } from './record-figure-modal.ts';
import { ASSESSMENT_FORM, RESPONSE_FORM, type ReviewFormMetadata } from './review-ids.ts';

/**
 * The review's two modals: a member's grade and opinion, and the office's response with the way
 * forward. Pure: listeners open them with views.open and read the submissions back by the ids
 * in review-ids.ts. What was said before is filled in, to be edited.
 */

export function buildAssessmentForm(form: AssessmentForm, m: Messages): types.ModalView {
  const f = m.review.form;
  const circled = m.circled(form.actionPlan.number);
  const options = form.grades.map((g) => option(gradeWord(g, m), g));
  const chosen = options.find((o) => o.value === form.current?.grade);
  return {
    type: 'modal',
    callback_id: ASSESSMENT_FORM.callbackId,
    private_metadata: JSON.stringify(metadataOf(form)),
    title: plain(f.assessTitle(circled), MODAL_LIMITS.title),
    submit: plain(f.submit, MODAL_LIMITS.submit),
    close: plain(f.close, MODAL_LIMITS.close),
    blocks: [
      heading(ASSESSMENT_FORM.blocks.heading, form, m, f.computed(computedWord(form.computed, null, m))),
      {
        type: 'input',
        block_id: ASSESSMENT_FORM.blocks.grade,
        optional: true,
        label: plain(f.gradeLabel, MODAL_LIMITS.label),
        element: {
          type: 'static_select',
          action_id: ASSESSMENT_FORM.actions.grade,
          placeholder: plain(f.gradePlaceholder, MODAL_LIMITS.placeholder),
          options,
          ...(chosen ? { initial_option: chosen } : {}),
        },
      },
      {
        type: 'input',
        block_id: ASSESSMENT_FORM.blocks.opinion,
        optional: true,
        label: plain(f.opinionLabel, MODAL_LIMITS.label),
        hint: plain(f.opinionHint(MAX_OPINION_LENGTH), MODAL_LIMITS.hint),
        element: {
          type: 'plain_text_input',
          action_id: ASSESSMENT_FORM.actions.opinion,
          multiline: true,
          max_length: MAX_OPINION_LENGTH,
          placeholder: plain(f.opinionPlaceholder, MODAL_LIMITS.placeholder),
          ...(form.current?.opinion ? { initial_value: form.current.opinion } : {}),
        },
      },
    ],
  };
}

export function buildResponseForm(form: ResponseForm, m: Messages): types.ModalView {
  const f = m.review.form;
  const circled = m.circled(form.actionPlan.number);
  const options = WAY_FORWARDS.map((w) => option(m.review.wayForward[w], w));
  const chosen = options.find((o) => o.value === form.current?.wayForward);
  return {
    type: 'modal',
    callback_id: RESPONSE_FORM.callbackId,
    private_metadata: JSON.stringify(metadataOf(form)),
    title: plain(f.respondTitle(circled), MODAL_LIMITS.title),
    submit: plain(f.submit, MODAL_LIMITS.submit),
    close: plain(f.close, MODAL_LIMITS.close),
    blocks: [
      heading(RESPONSE_FORM.blocks.heading, form, m, null),
      {
        type: 'input',
        block_id: RESPONSE_FORM.blocks.response,
        label: plain(f.responseLabel, MODAL_LIMITS.label),
        hint: plain(f.responseHint(form.opinions, MAX_RESPONSE_LENGTH), MODAL_LIMITS.hint),
        element: {
          type: 'plain_text_input',
          action_id: RESPONSE_FORM.actions.response,
          multiline: true,
          max_length: MAX_RESPONSE_LENGTH,
          ...(form.current ? { initial_value: form.current.response } : {}),
        },
      },
      {
        type: 'input',
        block_id: RESPONSE_FORM.blocks.wayForward,
        label: plain(f.wayForwardLabel, MODAL_LIMITS.label),
        element: {
          type: 'static_select',
          action_id: RESPONSE_FORM.actions.wayForward,
          placeholder: plain(f.wayForwardPlaceholder, MODAL_LIMITS.placeholder),
          options,
          ...(chosen ? { initial_option: chosen } : {}),
        },
      },
    ],
  };
}

export function assessmentErrorsResponse(errors: AssessmentFieldErrors, m: Messages): ViewErrorsResponseAction {
  const out: Record<string, string> = {};
  if (errors.grade) out[ASSESSMENT_FORM.blocks.grade] = assessmentErrorText(errors.grade, m);
  if (errors.opinion) out[ASSESSMENT_FORM.blocks.opinion] = assessmentErrorText(errors.opinion, m);
  return { response_action: 'errors', errors: out };
}

export function responseErrorsResponse(errors: ResponseFieldErrors, m: Messages): ViewErrorsResponseAction {
  const out: Record<string, string> = {};
  if (errors.response) out[RESPONSE_FORM.blocks.response] = responseErrorText(errors.response, m);
  if (errors.wayForward) out[RESPONSE_FORM.blocks.wayForward] = responseErrorText(errors.wayForward, m);
  return { response_action: 'errors', errors: out };
}

/**
 * A refusal that is no field's fault (the review closed meanwhile, not a member): said under
 * the modal's first input, keeping what was typed, so nothing is lost without a word.
 */
// Errors under a field are plain text: a mention would show as <@U…>, hence PLAIN.
export function reviewProblemResponse(problem: ReviewProblem, blockId: string, m: Messages): ViewErrorsResponseAction {
  return { response_action: 'errors', errors: { [blockId]: truncateText(reviewProblemText(problem, m, PLAIN), 2000) } };
}

export function staleReviewFormResponse(blockId: string, m: Messages): ViewErrorsResponseAction {
  return { response_action: 'errors', errors: { [blockId]: m.review.form.staleForm } };
}

function assessmentErrorText(error: AssessmentFieldError, m: Messages): string {
  const f = m.review.form;
  switch (error.code) {
    case 'nothing_given':
      return f.nothingGiven;
    case 'grade_not_in_scheme':
      return m.review.errors.gradeNotInScheme(error.grade, error.allowed.map((g) => gradeWord(g, m)).join(' '));
    case 'required':
      return f.required;
    case 'too_long':
      return f.tooLong(error.length, error.limit);
  }
}

function responseErrorText(error: ResponseFieldError, m: Messages): string {
  const f = m.review.form;
  switch (error.code) {
    case 'way_forward_required':
      return f.wayForwardRequired;
    case 'required':
      return f.required;
    case 'too_long':
      return f.tooLong(error.length, error.limit);
  }
}

function metadataOf(form: ReviewFormMetadata): ReviewFormMetadata {
  return { planId: form.planId, fiscalYear: form.fiscalYear, actionPlanNumber: form.actionPlanNumber };
}

function heading(
  blockId: string,
  form: AssessmentForm | ResponseForm,
  m: Messages,
  note: string | null,
): types.SectionBlock {
  const text = m.review.form.heading(m.circled(form.actionPlan.number), escapeMrkdwn(form.actionPlan.name), m.fiscalYear(form.fiscalYear));
  return {
    type: 'section',
    block_id: blockId,
    text: { type: 'mrkdwn', text: truncateText(note ? `${text}\n${note}` : text, MODAL_LIMITS.textObject) },
  };
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: plain(text, MODAL_LIMITS.optionText), value: value.slice(0, MODAL_LIMITS.optionValue) };
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncateText(text, max), emoji: true };
}
