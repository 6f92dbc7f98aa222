import { CASE_KINDS, REPLY_CHANNELS } from '../cases/case.model';
import type { Language } from '../cases/case.model';
import type { CategoryOption } from './feedback.repository';
import { FIELD_MAX_LENGTHS } from './feedback-form';
import type { FormError, FormField, FormValues } from './feedback-form';
import type { FeedbackTexts, FieldTexts } from './i18n/feedback-texts';

/** What a template needs to draw one labelled control with its hint and error. */
interface ControlView {
  id: string;
  name: string;
  label: string;
  optional: string | null;
  hint: string | null;
  hintId: string | null;
  error: string | null;
  errorId: string | null;
  /** The ids of the hint and the error, for aria-describedby. */
  describedBy: string | null;
}

export interface InputView extends ControlView {
  value: string;
  type: string;
  autocomplete: string | null;
  inputmode: string | null;
  maxlength: number | null;
  list: string | null;
  required: boolean;
}

export interface ChoiceView {
  id: string;
  value: string;
  label: string;
  selected: boolean;
}

export interface ChoicesView extends ControlView {
  options: ChoiceView[];
}

export interface FormInput {
  language: Language;
  token: string;
  categories: CategoryOption[];
  values: FormValues;
  errors: FormError[];
  /** Photos came with a post that is shown again: the browser must be asked for them anew. */
  photosDropped: boolean;
}

/** Where the summary's link for a field goes: the first radio of a group, else the control. */
export function anchorOf(field: FormField): string {
  if (field === 'kind') return `kind-${CASE_KINDS[0]}`;
  if (field === 'replyChannel') return `replyChannel-${REPLY_CHANNELS[0]}`;
  return field;
}

/** The form's controls as the templates draw them, in the page's language. */
export function formControls(texts: FeedbackTexts, input: FormInput) {
  const { values, errors } = input;
  const errorOf = (field: FormField): string | null => {
    const found = errors.find((error) => error.field === field);
    return found ? texts.errors.messages[found.key] : null;
  };
  const control = (
    field: FormField,
    words: { label: string; hint: string | null },
    optional = true,
  ): ControlView => {
    const error = errorOf(field);
    const hintId = words.hint ? `${field}-hint` : null;
    const errorId = error ? `${field}-error` : null;
    return {
      id: anchorOf(field),
      name: field,
      label: words.label,
      optional: optional ? texts.form.optional : null,
      hint: words.hint,
      hintId,
      error,
      errorId,
      describedBy: [hintId, errorId].filter(Boolean).join(' ') || null,
    };
  };
  const textInput = (
    field: Exclude<FormField, 'photos' | 'kind' | 'replyChannel' | 'category'>,
    words: FieldTexts,
    attributes: Partial<Pick<InputView, 'type' | 'autocomplete' | 'inputmode' | 'list'>> = {},
  ): InputView => ({
    ...control(field, words, field !== 'description'),
    value: values[field],
    type: attributes.type ?? 'text',
    autocomplete: attributes.autocomplete ?? null,
    inputmode: attributes.inputmode ?? null,
    maxlength: FIELD_MAX_LENGTHS[field] ?? null,
    list: attributes.list ?? null,
    required: field === 'description',
  });
  const choices = (
    field: 'kind' | 'replyChannel',
    legend: { legend: string; hint: string | null },
    options: Record<string, string>,
    optional: boolean,
  ): ChoicesView => ({
    ...control(field, { label: legend.legend, hint: legend.hint }, optional),
    options: Object.entries(options).map(([value, label]) => ({
      id: `${field}-${value}`,
      value,
      label,
      selected: values[field] === value,
    })),
  });
  const form = texts.form;
  return {
    kind: choices('kind', { ...form.kind, hint: null }, form.kind.options, false),
    category: {
      ...control('category', form.category),
      options: [
        {
          id: 'category-none',
          value: '',
          label: form.category.notSure,
          selected: !values.category,
        },
        ...input.categories.map((category) => ({
          id: `category-${category.code}`,
          value: category.code,
          label: category.label[input.language],
          selected: values.category === category.code,
        })),
      ],
    } satisfies ChoicesView,
    description: textInput('description', form.description),
    line: textInput('line', form.line, { list: 'line-suggestions', autocomplete: 'off' }),
    stop: textInput('stop', form.stop, { list: 'stop-suggestions', autocomplete: 'off' }),
    date: textInput('date', form.date, { type: 'date' }),
    time: textInput('time', form.time, { type: 'time' }),
    vehicle: textInput('vehicle', form.vehicle, { autocomplete: 'off' }),
    name: textInput('name', form.name, { autocomplete: 'name' }),
    email: textInput('email', form.email, { type: 'email', autocomplete: 'email' }),
    phone: textInput('phone', form.phone, { type: 'tel', autocomplete: 'tel', inputmode: 'tel' }),
    replyChannel: choices('replyChannel', form.replyChannel, form.replyChannel.options, true),
    photos: photosControl(control('photos', form.photos), form, input.photosDropped),
  };
}

function photosControl(
  base: ControlView,
  form: FeedbackTexts['form'],
  dropped: boolean,
): ControlView & { chooseAgain: string | null; chooseAgainId: string | null } {
  if (!dropped) return { ...base, chooseAgain: null, chooseAgainId: null };
  const chooseAgainId = 'photos-again';
  return {
    ...base,
    chooseAgain: form.photos.chooseAgain,
    chooseAgainId,
    describedBy: [base.describedBy, chooseAgainId].filter(Boolean).join(' '),
  };
}
