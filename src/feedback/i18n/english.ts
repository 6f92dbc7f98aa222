import type { FeedbackTexts } from './feedback-texts';

export const english: FeedbackTexts = {
  otherLanguage: 'På svenska',
  layout: {
    siteName: 'Synpunkt',
    tagline: 'Feedback on public transport',
    skipLink: 'Skip to content',
    footer:
      "Synpunkt receives feedback for the region's public transport authority and the companies that run its services.",
    privacyLink: 'How we handle your personal data',
  },
  form: {
    title: 'Give feedback',
    intro:
      'Tell us what happened and we will make sure the right operator or the authority deals with it. You do not need to know who runs the line.',
    optional: '(optional)',
    kind: {
      legend: 'What is it about?',
      options: {
        complaint: 'Complaint',
        praise: 'Praise',
        question: 'Question',
        suggestion: 'Suggestion',
        'delay-compensation': 'Delay compensation',
      },
    },
    category: {
      label: 'Category',
      hint: 'Choose the one that fits best. It helps us send your case to the right place.',
      notSure: 'Not sure / other',
    },
    description: {
      label: 'What happened?',
      hint: 'Describe it as fully as you can, in at most 5,000 characters. Do not include sensitive details such as your personal identity number or health.',
    },
    whereWhen: {
      legend: 'Where and when did it happen?',
      hint: 'Fill in what you know. An approximate time is fine.',
    },
    line: { label: 'Line', hint: 'For example 4, 801 or Upptåget.' },
    stop: { label: 'Stop or station', hint: null },
    date: { label: 'Date', hint: null },
    time: { label: 'Time', hint: null },
    vehicle: {
      label: 'Vehicle number',
      hint: 'Often shown by the door or at the front near the driver.',
    },
    contact: {
      legend: 'Your contact details',
      hint: 'Only needed if you want an answer. We use them only to answer you.',
    },
    name: { label: 'Name', hint: null },
    email: { label: 'Email address', hint: null },
    phone: { label: 'Mobile number', hint: 'For example 070-123 45 67.' },
    replyChannel: {
      legend: 'How would you like your answer?',
      hint: 'If you choose nothing, we answer by email when you give an address, otherwise by text message.',
      options: { email: 'Email', sms: 'Text message (SMS)', none: 'I do not want an answer' },
    },
    photos: {
      label: 'Photos',
      hint: 'Up to 3 photos, JPEG or PNG, at most 5 MB each.',
      chooseAgain:
        'Please choose your photos again. We only keep them once the form is sent without errors.',
    },
    honeypot: 'Leave this field empty',
    submit: 'Send feedback',
  },
  privacy: {
    title: 'How we handle your personal data',
    paragraphs: [
      'We store what you write here and, if you give them, your name, email address and mobile number. We use your contact details only to answer you about your case.',
      'The details are kept as long as they are needed to handle your case. After that, the personal data is removed.',
      'Only the public transport authority and the operator responsible for your case see them. We do not share them with anyone else, and statistics contain no personal data.',
      'We handle your data under the General Data Protection Regulation (GDPR). You have the right to know what data we hold about you and to have it corrected or erased.',
    ],
  },
  errors: {
    summaryTitle: 'There is a problem',
    prefix: 'Error:',
    titlePrefix: 'Error: ',
    messages: {
      'kind.missing': 'Choose what your feedback is about',
      'category.unknown': 'Choose a category from the list',
      'description.missing': 'Describe what happened',
      'description.tooLong': 'The description must be 5,000 characters or fewer',
      'line.tooLong': 'The line must be 100 characters or fewer',
      'stop.tooLong': 'The stop must be 200 characters or fewer',
      'date.invalid': 'Enter a real date, for example 2026-11-20',
      'date.missing': 'Enter the date as well as the time',
      'date.future': 'The date and time cannot be in the future',
      'time.invalid': 'Enter a time like 07:45',
      'time.missing': 'Enter about what time it happened',
      'vehicle.tooLong': 'The vehicle number must be 32 characters or fewer',
      'name.tooLong': 'The name must be 200 characters or fewer',
      'email.invalid': 'Enter an email address like name@example.com',
      'email.needed': 'Enter your email address to get an answer by email',
      'phone.invalid': 'Enter a mobile number like 070-123 45 67',
      'phone.needed': 'Enter your mobile number to get an answer by text message',
      'replyChannel.invalid': 'Choose how you would like your answer',
      'photos.notImage': 'Photos must be JPEG or PNG images',
      'photos.tooLarge': 'Each photo must be 5 MB or smaller',
      'photos.tooMany': 'You can attach at most 3 photos',
      'form.invalid': 'Something in the form could not be accepted. Please check your details.',
    },
  },
  receipt: {
    title: 'Thank you! We have received your feedback',
    referenceLabel: 'Your case number',
    referenceHint: 'Keep the number and quote it if you contact us again about the same matter.',
    kindLabel: 'Type',
    handlerLabel: 'Who will handle it?',
    triageHandler: (authority) => `Customer service at ${authority}`,
    unknownHandler: 'Customer service',
    whenLabel: 'When will I get an answer?',
    answerDeadline:
      'You will get an answer as soon as possible, and at the latest within one month, the deadline the law sets.',
    answerBy: (when) =>
      `A case handler will answer you ${when} at the latest. The law allows us up to a month; we promise to be quicker.`,
    noReply: 'You chose not to get an answer. We still read and act on every piece of feedback.',
    another: 'Give more feedback',
  },
  pages: {
    thanks: {
      title: 'Thank you for your feedback',
      text: 'We have received what you sent.',
      link: 'Give more feedback',
    },
    expired: {
      title: 'The form has expired',
      text: 'For your security the form is valid for 4 hours, and your browser needs to allow cookies. Nothing was sent. Please start again and fill in the form.',
      link: 'Start again',
    },
    tooLarge: {
      title: 'What you sent was too large',
      text: 'Photos can be at most 5 MB each, and you can attach at most 3. Nothing was sent.',
      link: 'Back to the form',
    },
    rateLimited: {
      title: 'Too many attempts in a short time',
      text: 'We have received a lot of feedback from your connection in the last minute. Please wait a minute and try again. Nothing was sent.',
      link: 'Back to the form',
    },
    notFound: {
      title: 'Page not found',
      text: 'The address may be mistyped, or the link is no longer valid.',
      link: 'Give feedback',
    },
    badRequest: {
      title: 'The form could not be received',
      text: 'Something in what you sent could not be read. Nothing was sent. Please try again.',
      link: 'Back to the form',
    },
    internal: {
      title: 'Something went wrong on our side',
      text: 'We cannot receive your feedback right now. Please try again in a little while.',
      link: 'Back to the form',
    },
  },
  errorIdLabel: 'Error id',
};
