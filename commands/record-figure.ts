// Recording a yearly actual: the form's data (form.ts) and the submission (submit.ts).
export * from './record-figure/form.ts';
export * from './record-figure/submit.ts';
