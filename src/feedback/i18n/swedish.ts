import type { FeedbackTexts } from './feedback-texts';

export const swedish: FeedbackTexts = {
  otherLanguage: 'In English',
  layout: {
    siteName: 'Synpunkt',
    tagline: 'Synpunkter på kollektivtrafiken',
    skipLink: 'Hoppa till innehållet',
    footer:
      'Synpunkt tar emot synpunkter för regionens kollektivtrafikmyndighet och de bolag som kör trafiken på dess uppdrag.',
    privacyLink: 'Så hanterar vi dina personuppgifter',
  },
  form: {
    title: 'Lämna en synpunkt',
    intro:
      'Berätta vad som hände, så ser vi till att rätt trafikbolag eller myndigheten tar hand om det. Du behöver inte veta vem som kör linjen.',
    optional: '(valfritt)',
    kind: {
      legend: 'Vad gäller det?',
      options: {
        complaint: 'Klagomål',
        praise: 'Beröm',
        question: 'Fråga',
        suggestion: 'Förslag',
        'delay-compensation': 'Förseningsersättning',
      },
    },
    category: {
      label: 'Kategori',
      hint: 'Välj det som passar bäst. Det hjälper oss att skicka ärendet rätt.',
      notSure: 'Vet inte / annat',
    },
    description: {
      label: 'Vad hände?',
      hint: 'Beskriv så utförligt du kan, högst 5 000 tecken. Skriv inte känsliga uppgifter som personnummer eller hälsouppgifter.',
    },
    whereWhen: {
      legend: 'Var och när hände det?',
      hint: 'Fyll i det du vet. Ett ungefärligt klockslag räcker.',
    },
    line: { label: 'Linje', hint: 'Till exempel 4, 801 eller Upptåget.' },
    stop: { label: 'Hållplats eller station', hint: null },
    date: { label: 'Datum', hint: null },
    time: { label: 'Klockslag', hint: null },
    vehicle: { label: 'Fordonsnummer', hint: 'Står ofta vid dörren eller framme hos föraren.' },
    contact: {
      legend: 'Dina kontaktuppgifter',
      hint: 'Behövs bara om du vill ha svar. Vi använder dem bara för att svara dig.',
    },
    name: { label: 'Namn', hint: null },
    email: { label: 'E-postadress', hint: null },
    phone: { label: 'Mobilnummer', hint: 'Till exempel 070-123 45 67.' },
    replyChannel: {
      legend: 'Hur vill du få svar?',
      hint: 'Väljer du inget svarar vi med e-post om du har angett en adress, annars med SMS.',
      options: { email: 'E-post', sms: 'SMS', none: 'Jag vill inte ha svar' },
    },
    photos: {
      label: 'Foton',
      hint: 'Upp till 3 foton i JPEG eller PNG, högst 5 MB styck.',
      chooseAgain:
        'Välj dina foton igen. Vi sparar dem inte förrän formuläret har skickats utan fel.',
    },
    honeypot: 'Lämna det här fältet tomt',
    submit: 'Skicka synpunkten',
  },
  privacy: {
    title: 'Så hanterar vi dina personuppgifter',
    paragraphs: [
      'Vi sparar det du skriver här och, om du anger dem, ditt namn, din e-postadress och ditt mobilnummer. Kontaktuppgifterna använder vi bara för att svara dig om ditt ärende.',
      'Uppgifterna sparas så länge de behövs för att hantera ärendet. Därefter tas personuppgifterna bort.',
      'Bara kollektivtrafikmyndigheten och det trafikbolag som ansvarar för ärendet ser dem. Vi lämnar inte ut dem till någon annan, och statistik innehåller inga personuppgifter.',
      'Vi behandlar uppgifterna enligt dataskyddsförordningen (GDPR). Du har rätt att få veta vilka uppgifter vi har om dig och att få dem rättade eller raderade.',
    ],
  },
  errors: {
    summaryTitle: 'Något behöver rättas',
    prefix: 'Fel:',
    titlePrefix: 'Fel: ',
    messages: {
      'kind.missing': 'Välj vad din synpunkt gäller',
      'category.unknown': 'Välj en kategori i listan',
      'description.missing': 'Beskriv vad som hände',
      'description.tooLong': 'Beskrivningen får vara högst 5 000 tecken',
      'line.tooLong': 'Linjen får vara högst 100 tecken',
      'stop.tooLong': 'Hållplatsen får vara högst 200 tecken',
      'date.invalid': 'Ange ett riktigt datum, till exempel 2026-11-20',
      'date.missing': 'Ange datum när du anger en tid',
      'date.future': 'Datum och tid kan inte vara i framtiden',
      'time.invalid': 'Ange en tid som 07:45',
      'time.missing': 'Ange ungefär vilken tid det hände',
      'vehicle.tooLong': 'Fordonsnumret får vara högst 32 tecken',
      'name.tooLong': 'Namnet får vara högst 200 tecken',
      'email.invalid': 'Ange en e-postadress som namn@exempel.se',
      'email.needed': 'Ange din e-postadress om du vill ha svar med e-post',
      'phone.invalid': 'Ange ett mobilnummer som 070-123 45 67',
      'phone.needed': 'Ange ditt mobilnummer om du vill ha svar med SMS',
      'replyChannel.invalid': 'Välj hur du vill få svar',
      'photos.notImage': 'Foton måste vara bilder i JPEG eller PNG',
      'photos.tooLarge': 'Varje foto får vara högst 5 MB',
      'photos.tooMany': 'Du kan bifoga högst 3 foton',
      'form.invalid': 'Något i formuläret kunde inte tas emot. Kontrollera uppgifterna.',
    },
  },
  receipt: {
    title: 'Tack! Vi har tagit emot din synpunkt',
    referenceLabel: 'Ditt ärendenummer',
    referenceHint: 'Spara numret och ange det om du kontaktar oss igen om samma sak.',
    kindLabel: 'Typ',
    handlerLabel: 'Vem tar hand om ärendet?',
    triageHandler: (authority) => `Kundtjänst hos ${authority}`,
    unknownHandler: 'Kundtjänst',
    whenLabel: 'När får jag svar?',
    answerDeadline:
      'Du får svar så snart som möjligt och senast inom en månad, som är den tidsgräns lagen sätter.',
    answerBy: (when) =>
      `En handläggare svarar dig senast ${when}. Lagen ger oss som längst en månad, men vi lovar snabbare än så.`,
    noReply: 'Du har valt att inte få svar. Vi läser och tar hand om varje synpunkt ändå.',
    another: 'Lämna en till synpunkt',
  },
  pages: {
    thanks: {
      title: 'Tack för din synpunkt',
      text: 'Vi har tagit emot det du skickade.',
      link: 'Lämna en till synpunkt',
    },
    expired: {
      title: 'Formuläret har gått ut',
      text: 'Av säkerhetsskäl gäller formuläret i 4 timmar, och webbläsaren behöver tillåta cookies. Ingenting har skickats. Börja om och fyll i formuläret igen.',
      link: 'Börja om',
    },
    tooLarge: {
      title: 'Det du skickade var för stort',
      text: 'Foton får vara högst 5 MB styck och du kan bifoga högst 3. Ingenting har skickats.',
      link: 'Tillbaka till formuläret',
    },
    rateLimited: {
      title: 'För många försök på kort tid',
      text: 'Vi har tagit emot många synpunkter från din uppkoppling den senaste minuten. Vänta en minut och försök sedan igen. Ingenting har skickats.',
      link: 'Tillbaka till formuläret',
    },
    notFound: {
      title: 'Sidan finns inte',
      text: 'Adressen kan vara felskriven, eller så gäller länken inte längre.',
      link: 'Lämna en synpunkt',
    },
    badRequest: {
      title: 'Formuläret kunde inte tas emot',
      text: 'Något i det du skickade gick inte att läsa. Ingenting har skickats. Försök igen.',
      link: 'Tillbaka till formuläret',
    },
    internal: {
      title: 'Något gick fel hos oss',
      text: 'Vi kan inte ta emot din synpunkt just nu. Försök igen om en stund.',
      link: 'Tillbaka till formuläret',
    },
  },
  errorIdLabel: 'Felkod',
};
