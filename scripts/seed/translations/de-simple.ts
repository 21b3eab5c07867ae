// Einfache Sprache (plain German): short sentences, one thought each, common words.

import type { Texts } from '../offers';

export const deSimple: Record<string, Texts> = {
	sprachcafe: {
		title: 'Sprach-Café',
		summary: 'Hier sprechen Sie Deutsch. Es gibt Tee und Kaffee.',
		description:
			'Sie sitzen mit anderen Menschen am Tisch. Sie sprechen zusammen Deutsch. Helferinnen und Helfer sprechen mit Ihnen. Sie brauchen keine Anmeldung. Es kostet nichts.'
	},
	kulturcafe: {
		title: 'Kultur-Café',
		summary: 'Ein Treffpunkt für alle Menschen. Für Menschen von hier und von woanders.',
		description:
			'Im Kultur-Café treffen sich Nachbarn. Sie trinken Kaffee oder Tee. Sie reden miteinander. Helfer beantworten Fragen zum Alltag. Kinder dürfen mitkommen.'
	},
	migrationsberatung: {
		title: 'Beratung für Menschen, die nach Deutschland gekommen sind',
		summary: 'Sie haben Fragen zu Aufenthalt, Arbeit, Wohnung oder Familie? Wir helfen.',
		description:
			'Die Beratung ist für Erwachsene ab 27 Jahren. Wir beantworten Ihre Fragen. Wir helfen bei den nächsten Schritten. Die Beratung kostet nichts. Wir erzählen niemandem, was Sie sagen.',
		registrationNote:
			'Sie können ohne Termin kommen. Für ein langes Gespräch machen Sie bitte einen Termin.'
	},
	asylberatung: {
		title: 'Beratung für Geflüchtete',
		summary: 'Wir helfen Menschen im Asyl-Verfahren. Und auch danach.',
		description:
			'Sie haben einen Brief vom Amt bekommen? Wir erklären den Brief. Wir helfen bei Anträgen. Wir bereiten mit Ihnen Termine vor. Oft gibt es eine Person, die übersetzt.'
	},
	'offene-sprechstunde': {
		title: 'Hilfe bei Briefen und Formularen',
		summary: 'Sie verstehen einen Brief nicht? Kommen Sie zu uns.',
		description:
			'Bringen Sie den Brief mit. Wir lesen den Brief zusammen. Wir erklären, was Sie tun müssen. Wir helfen auch beim Ausfüllen von Formularen. Sie brauchen keinen Termin.'
	},
	'deutschkurs-a1-kinderbetreuung': {
		title: 'Deutsch-Kurs für Anfänger, mit Kinder-Betreuung',
		summary: 'Sie lernen Deutsch. Ihre Kinder spielen im Raum nebenan.',
		description:
			'Der Kurs ist für Anfänger. Sie lernen einfache Sätze für den Alltag. Zum Beispiel beim Einkaufen oder beim Arzt. Ihre Kinder werden betreut. Der Kurs kostet nichts.',
		registrationNote: 'Sagen Sie bei der Anmeldung: Wie viele Kinder kommen mit?'
	},
	integrationskurs: {
		title: 'Integrations-Kurs',
		summary: 'Sie lernen Deutsch. Und Sie lernen viel über das Leben in Deutschland.',
		description:
			'Der Kurs dauert mehrere Monate. Sie lernen Deutsch bis zur Stufe B1. Sie lernen auch etwas über Geschichte und Gesetze in Deutschland. Am Ende gibt es Prüfungen. Vor dem Kurs machen Sie einen kleinen Test.',
		costNote:
			'Oft kostet der Kurs nichts oder nur wenig. Das hängt vom Bundesamt für Migration ab. Wir beraten Sie.'
	},
	'deutschkurs-frauen': {
		title: 'Deutsch-Kurs für Frauen',
		summary: 'Ein Deutsch-Kurs nur für Frauen. Mit Kinder-Betreuung.',
		description:
			'In diesem Kurs sind nur Frauen. Die Gruppe ist klein. Sie lernen Deutsch für den Alltag. Zum Beispiel für den Arzt, die Kita und die Schule. Kleine Kinder werden betreut.'
	},
	elterncafe: {
		title: 'Eltern-Café',
		summary: 'Eltern treffen sich und reden. Über Kinder, Kita und Schule.',
		description:
			'Sie trinken Kaffee oder Tee. Sie reden mit anderen Eltern. Manchmal kommt ein Gast und erklärt etwas. Ihre Kinder spielen in der Spiel-Ecke. Es kostet nichts.'
	},
	hausaufgabenhilfe: {
		title: 'Hilfe bei den Hausaufgaben',
		summary: 'Für Kinder von Klasse 1 bis Klasse 4.',
		description:
			'Die Kinder kommen nach der Schule. Sie machen ihre Hausaufgaben. Helferinnen und Helfer helfen dabei. Die Kinder üben auch Lesen und Rechnen. Bitte melden Sie Ihr Kind an.'
	},
	krabbelgruppe: {
		title: 'Krabbel-Gruppe',
		summary: 'Für Eltern mit Babys und kleinen Kindern bis 3 Jahre.',
		description:
			'Die Kinder spielen und singen. Die Eltern reden miteinander. Eine Fachfrau beantwortet Fragen. Zum Beispiel zum Schlafen und zum Essen. Sie können einfach kommen.'
	},
	frauenschwimmen: {
		title: 'Schwimmen für Frauen',
		summary: 'In dieser Zeit dürfen nur Frauen schwimmen.',
		description:
			'In dieser Zeit sind nur Frauen und Mädchen im Bad. Die Mädchen müssen mindestens 10 Jahre alt sein. Alle Mitarbeiterinnen sind Frauen. Man kann von außen nicht hineinsehen. Sie dürfen die Bade-Kleidung tragen, die Sie möchten.',
		costNote: 'Der Eintritt kostet 2,50 Euro. Mit Ermäßigung kostet er 1,50 Euro.'
	},
	'sprechstunde-arbeit': {
		title: 'Beratung zu Arbeit und Ausbildung',
		summary: 'Das Jobcenter kommt in Ihren Stadtteil.',
		description:
			'Sie suchen Arbeit oder eine Ausbildung? Sie haben Fragen zu Geld vom Jobcenter? Hier können Sie fragen. Sie müssen nicht ins Amt gehen. Bringen Sie Ihre Kunden-Nummer mit, wenn Sie eine haben.'
	},
	gesundheitslotsen: {
		title: 'Hilfe beim Arzt-Besuch',
		summary: 'Wir erklären, wie Ärzte und Krankenkasse in Deutschland funktionieren.',
		description:
			'Die Helferinnen und Helfer sprechen mehrere Sprachen. Sie erklären: Wie finde ich einen Arzt? Was bezahlt die Krankenkasse? Wohin gehe ich im Notfall? Sie helfen Ihnen auch, einen Arzt-Termin vorzubereiten.'
	}
};
