// Romanian texts of the most frequent offer templates and of those held in Romanian.

import type { Texts } from '../offers';

export const ro: Record<string, Texts> = {
	'deutschkurs-a1-kinderbetreuung': {
		title: 'Curs de germană A1 cu supraveghere pentru copii',
		summary:
			'Învățați germana pentru viața de zi cu zi, în timp ce copiii dumneavoastră sunt supravegheați în camera alăturată.',
		description:
			'La curs faceți primii pași în limba germană: să vă prezentați, să faceți cumpărături, să stabiliți o programare. În timpul lecției, copiii dumneavoastră se joacă sub supraveghere în camera de alături. Cursul este pentru începători fără cunoștințe anterioare.',
		registrationNote:
			'Vă rugăm să vă înscrieți pe dumneavoastră și pe copii din timp, ca să fie destule locuri de supraveghere.'
	},
	integrationskurs: {
		title: 'Curs de integrare: limba germană și orientare',
		summary: 'Cursul de integrare vă duce până la nivelul B1 și se încheie cu cursul de orientare.',
		description:
			'Cursul are o parte de limbă și un curs de orientare despre istorie, drept și conviețuire în Germania. La final susțineți „Testul de germană pentru imigranți” și testul „Viața în Germania”. Înainte de început, dați la noi un scurt test de plasare.',
		costNote:
			'Cu drept sau obligație de participare de la Oficiul Federal pentru Migrație și Refugiați este de regulă gratuit sau cu o mică contribuție proprie; vă consiliem în această privință.'
	},
	'deutschkurs-frauen': {
		title: 'Curs de germană pentru femei',
		summary:
			'Un curs de germană doar pentru femei, într-un grup liniștit și cu supraveghere pentru copii.',
		description:
			'Aici femeile învață împreună germana pentru viața de zi cu zi, programările la medic și discuțiile la grădiniță și școală. Grupul este mic, întrebările sunt oricând binevenite. Copiii mici sunt supravegheați în timpul cursului.'
	},
	sprachcafe: {
		title: 'Cafenea lingvistică',
		summary: 'Vorbiți germana la un ceai sau o cafea – fără curs, fără note.',
		description:
			'Voluntari și voluntare discută cu dumneavoastră despre teme de zi cu zi. Exersați germana într-o atmosferă relaxată și cunoașteți oameni din cartier. Puteți veni oricând.'
	},
	kulturcafe: {
		title: 'Cafenea culturală',
		summary: 'Un loc de întâlnire deschis pentru oameni din toată lumea și din cartier.',
		description:
			'La cafeneaua culturală, cei care locuiesc aici de mult și nou-veniții intră în vorbă. Există cafea, ceai și adesea ceva făcut în casă; voluntarii ajută cu întrebări despre viața de zi cu zi. Copiii sunt bineveniți.'
	},
	frauenfruehstueck: {
		title: 'Mic dejun internațional pentru femei',
		summary: 'Femeile iau micul dejun împreună, povestesc și leagă prietenii.',
		description:
			'Fiecare aduce ceva mic, cafeaua și ceaiul sunt pregătite. Adesea există o temă scurtă, de exemplu sănătatea, școala sau timpul liber în Kempten. Copiii mici pot veni și ei.'
	},
	migrationsberatung: {
		title: 'Consiliere pentru migranți adulți',
		summary: 'Consiliere gratuită despre ședere, limbă, muncă, locuință și familie.',
		description:
			'Consilierea pentru migranți îi ajută pe imigranții de la 27 de ani în sus în primii ani în Germania. Răspundem la întrebări despre autorități, cursul de integrare, recunoașterea diplomelor și îngrijirea copiilor și vă însoțim la pașii următori. Consilierea este confidențială.',
		registrationNote:
			'Program de consultații fără programare; pentru discuții mai lungi vă rugăm să faceți o programare.'
	},
	asylberatung: {
		title: 'Consiliere pentru azil și refugiați',
		summary: 'Consiliere pentru refugiați în timpul procedurii de azil și după aceea.',
		description:
			'Vă explicăm scrisorile de la autorități, pregătim împreună programările și vă ajutăm cu cererile. La nevoie vă îndrumăm către avocați, medici sau alte servicii de specialitate. Adesea putem organiza și un interpret.'
	},
	'offene-sprechstunde': {
		title: 'Consultații deschise: ajutor cu scrisori și formulare',
		summary: 'Nu ați înțeles o scrisoare sau trebuie să completați un formular? Treceți pe la noi.',
		description:
			'Citim împreună scrisorile de la autorități, proprietari sau școală și vă explicăm ce trebuie făcut. Vă ajutăm să completați cereri și vă arătăm unde mai găsiți ajutor. Aduceți pur și simplu documentele cu dumneavoastră.'
	},
	gesundheitslotsen: {
		title: 'Ghizi pentru sănătate: cum vă orientați în sistemul medical',
		summary:
			'Cum găsesc un medic de familie, ce plătește casa de asigurări de sănătate, unde merg în caz de urgență?',
		description:
			'Ghizi instruiți explică în mai multe limbi cum funcționează în Germania cabinetele medicale, asigurarea de sănătate și farmaciile. Vă ajută să găsiți un cabinet și să vă pregătiți pentru o programare.'
	},
	frauenschwimmen: {
		title: 'Înot pentru femei',
		summary: 'Înot doar pentru femei, cu salvamari femei și ferestre protejate de priviri.',
		description:
			'În acest interval, bazinul este deschis doar pentru femei și fete de la 10 ani, iar tot personalul este feminin. Începătoarele exersează în bazinul mic, iar o antrenoare dă sfaturi. Puteți purta costumul de baie pe care îl alegeți.',
		costNote: 'Intrare 2,50 €, redus 1,50 €.'
	},
	'fussball-fuer-alle': {
		title: 'Fotbal pentru toți',
		summary: 'Antrenament de fotbal deschis pentru adolescenți și tineri – vino și joacă.',
		description:
			'Ne antrenăm împreună în fiecare săptămână, indiferent de unde vii și cât de bine joci. Îți ajung niște pantofi sport, mingi și veste avem noi. Cine vrea poate juca mai târziu la club.'
	},
	elterncafe: {
		title: 'Cafeneaua părinților',
		summary:
			'Părinții se întâlnesc, fac schimb de experiență și primesc sfaturi despre grădiniță și școală.',
		description:
			'La cafeneaua părinților vorbim despre educația copiilor, limbile din familie și viața de zi cu zi la grădiniță și școală. Uneori vin invitați, de exemplu de la consilierea pentru educație sau de la școală. Copiii se joacă în colțul de joacă.'
	},
	hausaufgabenhilfe: {
		title: 'Ajutor la teme pentru elevii din ciclul primar',
		summary: 'Voluntarii îi ajută pe copiii din clasele 1–4 la teme.',
		description:
			'După școală, copiii își fac temele cu sprijin și exersează cititul și socotitul. Voluntarii țin legătura cu cadrele didactice. La final rămâne timp și pentru un joc.'
	},
	krabbelgruppe: {
		title: 'Grupă internațională pentru bebeluși și copii mici',
		summary: 'Pentru părinți cu bebeluși și copii mici de până la trei ani.',
		description:
			'Cei mici se joacă, cântă și descoperă, iar cei mari stau de vorbă. O specialistă răspunde la întrebări despre somn, alimentație și dezvoltarea limbajului. Treceți pur și simplu pe la noi.'
	},
	jugendtreff: {
		title: 'Club deschis pentru tineri',
		summary: 'Loc de întâlnire pentru tinerii de 12–18 ani: biliard, muzică, discuții și sprijin.',
		description:
			'La clubul pentru tineri vă puteți relaxa, juca fotbal de masă, face muzică și pune în practică propriile idei. Animatorii ajută și cu cereri de angajare, referate sau stresul de la școală. Intrarea este liberă, fără înscriere.'
	},
	bewerbungstraining: {
		title: 'Training pentru candidatură: CV și scrisoare de intenție',
		summary: 'Pregătim împreună dosarul de candidatură și exersăm interviul de angajare.',
		description:
			'Dumneavoastră aduceți diplomele și ideile, noi vă ajutăm cu un CV în stil german, scrisoarea de intenție și candidaturile online. Prin jocuri de rol exersăm întrebările tipice de la interviu. Sunt disponibile calculatoare.'
	},
	'sprechstunde-arbeit': {
		title: 'Consultații despre muncă și formare profesională',
		summary:
			'Întrebări despre căutarea unui loc de muncă, ucenicie, perfecționare și ajutoare – direct în cartier.',
		description:
			'Specialiști de la Jobcenter vă consiliază la fața locului, fără să mai mergeți la birou. Clarificăm ce sprijin este posibil și, dacă e nevoie, stabilim o programare pentru o consiliere detaliată. Vă rugăm să aduceți numărul de client, dacă aveți unul.'
	},
	'austauschtreffen-rumaenisch': {
		title: 'Întâlnire de schimb: cei stabiliți de mult și nou-veniții din România',
		summary:
			'Kemptenezi cu rădăcini românești se întâlnesc cu oameni veniți de curând din România.',
		description:
			'Cine trăiește aici de mult timp cunoaște drumul spre muncă, școală, locuință și asociații. La întâlnirea de schimb, cei stabiliți de mult le transmit nou-veniților experiența lor, în română și în germană. Fiecare întâlnire are o temă principală, de exemplu contractul de muncă sau asigurarea de sănătate.'
	},
	'interkulturelles-fest': {
		title: 'Sărbătoare interculturală în cartier',
		summary: 'Muzică, dans și mâncare din toată lumea – vecinii sărbătoresc împreună.',
		description:
			'Asociațiile și grupurile din cartier se prezintă, gătesc și cântă. Există un program pentru copii și o masă cu informații despre ofertele din apropiere. Intrarea este liberă.'
	}
};
