/**
 * Per category of offers, in every locale of the portal: its name and what people type when
 * they look for such an offer. See keywords.ts.
 */
import type { SearchLocale } from './types';

export interface CategoryWords {
	/** The category's name. */
	name: string;
	/** What people type when they look for such an offer. */
	keywords: string[];
}

type PerLocale<T> = Record<SearchLocale, T>;

export const CATEGORY_KEYWORDS: Record<string, PerLocale<CategoryWords>> = {
	language_course: {
		de: {
			name: 'Sprachkurs',
			keywords: [
				'Deutschkurs',
				'Sprachkurs',
				'Deutsch lernen',
				'Integrationskurs',
				'Alphabetisierungskurs',
				'Deutschunterricht',
				'Sprachförderung',
				'Konversationskurs'
			]
		},
		'de-simple': {
			name: 'Deutsch-Kurs',
			keywords: [
				'Deutsch lernen',
				'Deutsch-Kurs',
				'Deutsch sprechen',
				'Sprache lernen',
				'Lesen und Schreiben lernen'
			]
		},
		en: {
			name: 'Language course',
			keywords: [
				'German course',
				'German class',
				'learn German',
				'German lessons',
				'integration course',
				'literacy course',
				'conversation class'
			]
		},
		ar: {
			name: 'دورة لغة',
			keywords: [
				'كورس',
				'كورس ألماني',
				'كورس لغة',
				'دورة لغة ألمانية',
				'تعلم اللغة الألمانية',
				'تعلم الألمانية',
				'دروس اللغة الألمانية',
				'دورة اندماج',
				'دورة محو الأمية'
			]
		},
		fa: {
			name: 'کلاس زبان',
			keywords: [
				'کورس',
				'کورس آلمانی',
				'کورس لسان',
				'کلاس زبان آلمانی',
				'دوره زبان آلمانی',
				'یادگیری زبان آلمانی',
				'آموزش زبان آلمانی',
				'دوره ادغام',
				'کلاس سوادآموزی'
			]
		},
		tr: {
			name: 'Dil kursu',
			keywords: [
				'Almanca kursu',
				'Almanca öğrenmek',
				'Almanca dersi',
				'uyum kursu',
				'entegrasyon kursu',
				'okuma yazma kursu'
			]
		},
		uk: {
			name: 'Мовний курс',
			keywords: [
				'мовні курси',
				'мовний курс',
				'курс грамотності',
				'курс німецької мови',
				'курси німецької',
				'вивчення німецької мови',
				'вивчати німецьку',
				'уроки німецької мови',
				'інтеграційний курс'
			]
		},
		ru: {
			name: 'Языковой курс',
			keywords: [
				'языковые курсы',
				'языковой курс',
				'курс грамотности',
				'курс немецкого языка',
				'курсы немецкого',
				'изучение немецкого языка',
				'учить немецкий',
				'уроки немецкого языка',
				'интеграционный курс'
			]
		},
		ro: {
			name: 'Curs de limbă',
			keywords: [
				'curs de limba germană',
				'curs de germană',
				'învățarea limbii germane',
				'a învăța germana',
				'lecții de germană',
				'curs de integrare',
				'curs de alfabetizare'
			]
		}
	},
	cultural_cafe: {
		de: {
			name: 'Kulturcafé',
			keywords: [
				'Begegnungscafé',
				'Sprachcafé',
				'Treffpunkt',
				'Begegnung',
				'Austausch',
				'Nachbarschaft',
				'Leute kennenlernen'
			]
		},
		'de-simple': {
			name: 'Treff-Café',
			keywords: [
				'Leute treffen',
				'Café',
				'Treffpunkt',
				'zusammen Kaffee trinken',
				'Nachbarn kennenlernen'
			]
		},
		en: {
			name: 'Cultural café',
			keywords: [
				'meeting café',
				'language café',
				'meet people',
				'community café',
				'intercultural meeting',
				'neighbours',
				'coffee'
			]
		},
		ar: {
			name: 'مقهى ثقافي',
			keywords: ['مقهى اللقاء', 'مقهى اللغة', 'التعارف', 'لقاء', 'الجيران', 'ثقافة', 'قهوة']
		},
		fa: {
			name: 'کافه فرهنگی',
			keywords: ['کافه دیدار', 'کافه زبان', 'آشنایی', 'دیدار', 'همسایه‌ها', 'فرهنگ', 'قهوه']
		},
		tr: {
			name: 'Kültür kafe',
			keywords: [
				'çay',
				'sohbet',
				'buluşma kafesi',
				'dil kafesi',
				'tanışma',
				'buluşma',
				'komşular',
				'kültür',
				'kahve'
			]
		},
		uk: {
			name: 'Культурне кафе',
			keywords: [
				'кафе зустрічей',
				'мовне кафе',
				'знайомства',
				'зустріч',
				'сусіди',
				'культура',
				'кава'
			]
		},
		ru: {
			name: 'Культурное кафе',
			keywords: [
				'кафе встреч',
				'языковое кафе',
				'знакомства',
				'встреча',
				'соседи',
				'культура',
				'кофе'
			]
		},
		ro: {
			name: 'Cafenea culturală',
			keywords: [
				'cafenea de întâlnire',
				'cafenea lingvistică',
				'cunoaștere',
				'întâlnire',
				'vecini',
				'cultură',
				'cafea'
			]
		}
	},
	counselling: {
		de: {
			name: 'Beratung',
			keywords: [
				'Jobcenter',
				'Aufenthalt',
				'Anwalt',
				'Dolmetscher',
				'Migrationsberatung',
				'Sozialberatung',
				'Asylberatung',
				'Rechtsberatung',
				'Hilfe bei Behörden',
				'Sprechstunde',
				'Unterstützung',
				'Anträge ausfüllen'
			]
		},
		'de-simple': {
			name: 'Beratung',
			keywords: [
				'Hilfe',
				'Fragen stellen',
				'Hilfe bei Briefen',
				'Hilfe beim Amt',
				'Hilfe bei Formularen'
			]
		},
		en: {
			name: 'Counselling',
			keywords: [
				'Jobcenter',
				'residence permit',
				'lawyer',
				'interpreter',
				'advice',
				'migration advice',
				'social counselling',
				'asylum advice',
				'legal advice',
				'help with authorities',
				'help with forms',
				'support'
			]
		},
		ar: {
			name: 'استشارة',
			keywords: [
				'جوب سنتر',
				'جوبسنتر',
				'إقامة',
				'محامي',
				'مترجم',
				'استشارات الهجرة',
				'استشارة اجتماعية',
				'استشارة اللجوء',
				'استشارة قانونية',
				'مساعدة في الدوائر الرسمية',
				'مساعدة في تعبئة الطلبات',
				'مساعدة',
				'دعم'
			]
		},
		fa: {
			name: 'مشاوره',
			keywords: [
				'مشوره',
				'جاب سنتر',
				'اقامت',
				'وکیل',
				'مترجم',
				'مشاوره مهاجرت',
				'مشاوره اجتماعی',
				'مشاوره پناهندگی',
				'مشاوره حقوقی',
				'کمک در ادارات',
				'کمک در پر کردن فرم',
				'کمک',
				'پشتیبانی'
			]
		},
		tr: {
			name: 'Danışmanlık',
			keywords: [
				'Jobcenter',
				'oturum izni',
				'avukat',
				'tercüman',
				'göç danışmanlığı',
				'sosyal danışmanlık',
				'iltica danışmanlığı',
				'hukuki danışmanlık',
				'resmi dairelerde yardım',
				'form doldurmada yardım',
				'yardım',
				'destek'
			]
		},
		uk: {
			name: 'Консультація',
			keywords: [
				'джобцентр',
				'тимчасовий захист',
				'§24',
				'параграф 24',
				'юрист',
				'перекладач',
				'консультація з питань міграції',
				'соціальна консультація',
				'консультація щодо притулку',
				'юридична консультація',
				'допомога з установами',
				'допомога із заявами',
				'допомога',
				'підтримка'
			]
		},
		ru: {
			name: 'Консультация',
			keywords: [
				'джобцентр',
				'ВНЖ',
				'вид на жительство',
				'юрист',
				'переводчик',
				'консультация по вопросам миграции',
				'социальная консультация',
				'консультация по вопросам убежища',
				'юридическая консультация',
				'помощь с ведомствами',
				'помощь с заявлениями',
				'помощь',
				'поддержка'
			]
		},
		ro: {
			name: 'Consiliere',
			keywords: [
				'Jobcenter',
				'avocat',
				'acte',
				'translator',
				'consiliere pentru migranți',
				'consiliere socială',
				'consiliere pentru azil',
				'consiliere juridică',
				'ajutor la autorități',
				'ajutor cu formulare',
				'ajutor',
				'sprijin'
			]
		}
	},
	sports: {
		de: {
			name: 'Sport',
			keywords: [
				'Sportgruppe',
				'Fußball',
				'Schwimmen',
				'Fitness',
				'Bewegung',
				'Sportverein',
				'Gymnastik',
				'Yoga'
			]
		},
		'de-simple': {
			name: 'Sport',
			keywords: [
				'Sport machen',
				'sich bewegen',
				'Fußball spielen',
				'Schwimmen',
				'zusammen Sport machen'
			]
		},
		en: {
			name: 'Sports',
			keywords: [
				'sport',
				'sports group',
				'football',
				'soccer',
				'swimming',
				'fitness',
				'exercise',
				'yoga'
			]
		},
		ar: {
			name: 'رياضة',
			keywords: ['مجموعة رياضية', 'كرة القدم', 'سباحة', 'لياقة بدنية', 'حركة', 'نادي رياضي', 'يوغا']
		},
		fa: {
			name: 'ورزش',
			keywords: ['گروه ورزشی', 'فوتبال', 'شنا', 'تناسب اندام', 'تحرک', 'باشگاه ورزشی', 'یوگا']
		},
		tr: {
			name: 'Spor',
			keywords: [
				'spor grubu',
				'futbol',
				'yüzme',
				'fitness',
				'hareket',
				'spor kulübü',
				'jimnastik',
				'yoga'
			]
		},
		uk: {
			name: 'Спорт',
			keywords: [
				'спортивна група',
				'футбол',
				'плавання',
				'фітнес',
				'рух',
				'спортивний клуб',
				'гімнастика',
				'йога'
			]
		},
		ru: {
			name: 'Спорт',
			keywords: [
				'спортивная группа',
				'футбол',
				'плавание',
				'фитнес',
				'движение',
				'спортивный клуб',
				'гимнастика',
				'йога'
			]
		},
		ro: {
			name: 'Sport',
			keywords: [
				'grup de sport',
				'fotbal',
				'înot',
				'fitness',
				'mișcare',
				'club sportiv',
				'gimnastică',
				'yoga'
			]
		}
	},
	family: {
		de: {
			name: 'Familie',
			keywords: [
				'Kita',
				'Kindergarten',
				'Kinderkrippe',
				'Krippe',
				'Eltern',
				'Kinder',
				'Eltern-Kind-Gruppe',
				'Kinderbetreuung',
				'Spielgruppe',
				'Hausaufgabenhilfe',
				'Familienberatung',
				'Mütter',
				'Väter'
			]
		},
		'de-simple': {
			name: 'Familie',
			keywords: [
				'Kita',
				'Kindergarten',
				'Eltern und Kinder',
				'Spielen mit Kindern',
				'Hilfe für Familien',
				'Hilfe bei Hausaufgaben'
			]
		},
		en: {
			name: 'Family',
			keywords: [
				'kindergarten',
				'nursery',
				'daycare',
				'Kita',
				'parents',
				'children',
				'kids',
				'parent and child group',
				'childcare',
				'playgroup',
				'homework help',
				'mothers',
				'fathers'
			]
		},
		ar: {
			name: 'العائلة',
			keywords: [
				'روضة',
				'روضة أطفال',
				'حضانة',
				'كيتا',
				'أسرة',
				'الأهل',
				'أطفال',
				'مجموعة الأهل والأطفال',
				'رعاية الأطفال',
				'مجموعة لعب',
				'مساعدة في الواجبات المدرسية',
				'أمهات',
				'آباء'
			]
		},
		fa: {
			name: 'خانواده',
			keywords: [
				'مهدکودک',
				'مهد کودک',
				'کودکستان',
				'کیتا',
				'والدین',
				'کودکان',
				'بچه‌ها',
				'گروه والدین و کودک',
				'مراقبت از کودک',
				'گروه بازی',
				'کمک در تکالیف مدرسه',
				'مادران',
				'پدران'
			]
		},
		tr: {
			name: 'Aile',
			keywords: [
				'kreş',
				'anaokulu',
				'Kita',
				'ebeveynler',
				'çocuklar',
				'anne çocuk grubu',
				'çocuk bakımı',
				'oyun grubu',
				'ödev yardımı',
				'aile danışmanlığı',
				'anneler',
				'babalar'
			]
		},
		uk: {
			name: 'Сім’я',
			keywords: [
				'дитсадок',
				'дитячий садок',
				'садочок',
				'садок',
				'кіта',
				'родина',
				'батьки',
				'діти',
				'група для батьків і дітей',
				'догляд за дітьми',
				'ігрова група',
				'допомога з домашніми завданнями',
				'матері'
			]
		},
		ru: {
			name: 'Семья',
			keywords: [
				'детский сад',
				'детсад',
				'садик',
				'кита',
				'родители',
				'дети',
				'группа для родителей и детей',
				'присмотр за детьми',
				'игровая группа',
				'помощь с домашними заданиями',
				'матери',
				'отцы'
			]
		},
		ro: {
			name: 'Familie',
			keywords: [
				'grădiniță',
				'creșă',
				'Kita',
				'părinți',
				'copii',
				'grup părinți și copii',
				'îngrijirea copiilor',
				'grup de joacă',
				'ajutor la teme',
				'mame',
				'tați'
			]
		}
	},
	work: {
		de: {
			name: 'Arbeit',
			keywords: [
				'Ausbildungsplatz',
				'Lehrstelle',
				'Jobcenter',
				'Agentur für Arbeit',
				'Job',
				'Jobsuche',
				'Bewerbung',
				'Ausbildung',
				'Beruf',
				'Praktikum',
				'Anerkennung von Abschlüssen',
				'Lebenslauf'
			]
		},
		'de-simple': {
			name: 'Arbeit',
			keywords: ['Jobcenter', 'Arbeit finden', 'Job', 'Bewerbung schreiben', 'Ausbildung', 'Beruf']
		},
		en: {
			name: 'Work',
			keywords: [
				'Ausbildung',
				'Jobcenter',
				'job',
				'job search',
				'job application',
				'vocational training',
				'apprenticeship',
				'career',
				'internship',
				'recognition of qualifications',
				'CV'
			]
		},
		ar: {
			name: 'العمل',
			keywords: [
				'أوسبيلدونغ',
				'اوسبيلدونغ',
				'أوسبيلدونج',
				'جوب سنتر',
				'شغل',
				'وظيفة',
				'البحث عن عمل',
				'طلب توظيف',
				'تدريب مهني',
				'مهنة',
				'تدريب عملي',
				'الاعتراف بالشهادات',
				'سيرة ذاتية'
			]
		},
		fa: {
			name: 'کار',
			keywords: [
				'آوسبیلدونگ',
				'اوسبیلدونگ',
				'جاب سنتر',
				'وظیفه',
				'شغل',
				'کاریابی',
				'درخواست کار',
				'آموزش حرفه‌ای',
				'حرفه',
				'کارآموزی',
				'ارزشیابی مدارک تحصیلی',
				'رزومه'
			]
		},
		tr: {
			name: 'İş',
			keywords: [
				'Ausbildung',
				'Jobcenter',
				'iş',
				'iş arama',
				'iş başvurusu',
				'meslek eğitimi',
				'meslek',
				'staj',
				'diploma denkliği',
				'özgeçmiş',
				'çalışmak'
			]
		},
		uk: {
			name: 'Робота',
			keywords: [
				'аусбільдунг',
				'джобцентр',
				'робота',
				'пошук роботи',
				'працевлаштування',
				'резюме',
				'професійне навчання',
				'професія',
				'стажування',
				'визнання дипломів'
			]
		},
		ru: {
			name: 'Работа',
			keywords: [
				'аусбильдунг',
				'джобцентр',
				'работа',
				'поиск работы',
				'трудоустройство',
				'резюме',
				'профессиональное обучение',
				'профессия',
				'стажировка',
				'признание дипломов'
			]
		},
		ro: {
			name: 'Muncă',
			keywords: [
				'Ausbildung',
				'ucenicie',
				'job',
				'de lucru',
				'Jobcenter',
				'loc de muncă',
				'căutarea unui loc de muncă',
				'angajare',
				'formare profesională',
				'meserie',
				'stagiu',
				'recunoașterea diplomelor',
				'CV'
			]
		}
	},
	event: {
		de: {
			name: 'Veranstaltung',
			keywords: [
				'Fest',
				'Feier',
				'Ausflug',
				'Workshop',
				'Vortrag',
				'Konzert',
				'Nachbarschaftsfest',
				'Termin'
			]
		},
		'de-simple': {
			name: 'Veranstaltung',
			keywords: ['Fest', 'zusammen feiern', 'Ausflug', 'Treffen', 'etwas zusammen erleben']
		},
		en: {
			name: 'Event',
			keywords: [
				'festival',
				'celebration',
				'party',
				'excursion',
				'trip',
				'workshop',
				'talk',
				'concert'
			]
		},
		ar: {
			name: 'فعالية',
			keywords: ['حفل', 'احتفال', 'مهرجان', 'رحلة', 'ورشة عمل', 'محاضرة', 'حفلة موسيقية']
		},
		fa: {
			name: 'رویداد',
			keywords: ['جشن', 'جشنواره', 'گردش', 'کارگاه', 'سخنرانی', 'کنسرت', 'برنامه']
		},
		tr: {
			name: 'Etkinlik',
			keywords: ['şenlik', 'kutlama', 'festival', 'gezi', 'atölye', 'konferans', 'konser']
		},
		uk: {
			name: 'Подія',
			keywords: ['захід', 'свято', 'фестиваль', 'екскурсія', 'майстер-клас', 'лекція', 'концерт']
		},
		ru: {
			name: 'Мероприятие',
			keywords: [
				'событие',
				'праздник',
				'фестиваль',
				'экскурсия',
				'мастер-класс',
				'лекция',
				'концерт'
			]
		},
		ro: {
			name: 'Eveniment',
			keywords: [
				'sărbătoare',
				'festival',
				'excursie',
				'atelier',
				'prelegere',
				'concert',
				'petrecere'
			]
		}
	}
};
