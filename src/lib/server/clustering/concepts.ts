import { stem } from './stem';
import type { Lang } from './language';

// A small bilingual lexicon of general workplace vocabulary, so that an input in Norwegian and
// one in English about the same thing share a term ("digitalisering" / "digitalization").
// Each row: concept key | Norwegian words | English words. Matching is on stems, so one
// inflection per word is usually enough.
const ROWS = `
meeting | møte møter møtene møtevirksomhet | meeting meetings
communication | kommunikasjon kommunisere | communication communicate
information | informasjon info informasjonsflyt | information info
project | prosjekt prosjekter | project projects
management | ledelse leder ledere ledelsen lederskap | management manager leadership leader
planning | planlegging planlegge plan planer | planning plan plans scheduling schedule
production | produksjon produsere | production produce manufacturing
digital | digitalisering digital digitale digitalisere | digitalisation digitalization digital digitise digitize
automation | automatisering automatisere automasjon | automation automate automated
system | system systemer | system systems
tool | verktøy | tool tools
software | programvare | software
documentation | dokumentasjon dokumentere | documentation document
quality | kvalitet | quality
maintenance | vedlikehold | maintenance
delivery | levering leveranse leveranser | delivery deliveries
supplier | leverandør leverandører | supplier suppliers vendor
customer | kunde kunder | customer customers client clients
order | ordre bestilling bestillinger | order orders
staff | ansatte ansatt medarbeidere bemanning personell | employees employee staff workforce personnel staffing
competence | kompetanse kunnskap | competence skills knowledge expertise
training | opplæring kurs | training onboarding course courses
recruitment | rekruttering rekruttere | recruitment recruiting hiring
resources | ressurser ressurs kapasitet | resources resource capacity
priority | prioritering prioritere prioriteringer | prioritisation prioritization priorities prioritize prioritise
cost | kostnad kostnader | cost costs
finance | økonomi | finance economy
budget | budsjett | budget
invoice | faktura fakturering | invoice invoicing billing
report | rapport rapportering | report reporting
routine | rutine rutiner prosedyre | routine routines procedure procedures
process | prosess prosesser | process processes
responsibility | ansvar ansvarsfordeling | responsibility accountability
decision | beslutning beslutninger avgjørelse | decision decisions
strategy | strategi | strategy
goal | mål målsetting | goal goals target targets objective objectives
culture | kultur | culture
change | endring endringer omstilling | change changes
collaboration | samarbeid samhandling | collaboration cooperation teamwork
followup | oppfølging følge | followup follow-up
overview | oversikt | overview visibility
paperwork | papirarbeid byråkrati skjema skjemaer | paperwork bureaucracy form forms
absence | sykefravær fravær | absence absenteeism
shift | skift turnus | shift shifts
logistics | logistikk | logistics
purchasing | innkjøp | purchasing procurement
sales | salg | sales selling
inventory | lager lagerstyring | inventory stock warehouse
equipment | maskin maskiner utstyr | machine machines equipment machinery
downtime | stans nedetid driftsstans | downtime stoppage stoppages
waste | svinn sløsing | waste
email | e-post epost | email e-mail
deadline | frist frister | deadline deadlines
department | avdeling avdelinger | department departments
interruption | avbrytelser forstyrrelser | interruptions interruption disruptions
`;

const byStem: Record<Lang, Map<string, string>> = { nb: new Map(), en: new Map() };
const byWord = new Map<string, string>();

for (const line of ROWS.trim().split('\n')) {
	const [key, nb, en] = line.split('|').map((s) => s.trim());
	for (const [lang, list] of [
		['nb', nb],
		['en', en]
	] as const) {
		for (const w of list.split(/\s+/)) {
			byWord.set(w, key);
			byStem[lang].set(stem(w, lang), key);
		}
	}
}

/** Concept term for a word, or null. Exact words match in either language (loanwords). */
export function conceptOf(word: string, wordStem: string, lang: Lang): string | null {
	const key = byWord.get(word) ?? byStem[lang].get(wordStem);
	return key === undefined ? null : `~${key}`;
}

/** Norwegian concept words double as known compound parts. */
export function lexiconWordsNb(): string[] {
	const out: string[] = [];
	for (const line of ROWS.trim().split('\n')) out.push(...line.split('|')[1].trim().split(/\s+/));
	return out;
}
