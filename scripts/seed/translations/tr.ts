// Turkish texts of the offer templates (polite "siz"; youth offers use "sen").

import type { Texts } from '../offers';

export const tr: Record<string, Texts> = {
	'deutschkurs-a1-kinderbetreuung': {
		title: 'Çocuk bakımlı A1 Almanca kursu',
		summary: 'Çocuklarınız yan odada bakılırken günlük hayat için Almanca öğrenin.',
		description:
			'Bu kursta Almancada ilk adımlarınızı atarsınız: kendinizi tanıtmak, alışveriş yapmak, randevu almak. Ders sırasında çocuklarınız yan odada gözetim altında oynar. Kurs, hiç ön bilgisi olmayan yeni başlayanlar içindir.',
		registrationNote:
			'Yeterli çocuk bakım yeri olması için lütfen kendinizi ve çocuklarınızı önceden kaydettirin.'
	},
	integrationskurs: {
		title: 'Uyum kursu: Almanca ve oryantasyon',
		summary: 'Uyum kursu sizi B1 dil seviyesine kadar götürür ve oryantasyon kursuyla sona erer.',
		description:
			'Kurs bir dil bölümünden ve Almanya’da tarih, hukuk ve birlikte yaşam üzerine bir oryantasyon kursundan oluşur. Sonunda “Göçmenler için Almanca Testi” ve “Almanya’da Yaşam” testi yapılır. Başlamadan önce bizde kısa bir seviye tespit sınavına girersiniz.',
		costNote:
			'Federal Göç ve Mülteciler Dairesi’nden (BAMF) katılım hakkı veya yükümlülüğü varsa çoğunlukla ücretsizdir ya da küçük bir katkı payı ödenir; bu konuda size danışmanlık veririz.'
	},
	'deutschkurs-frauen': {
		title: 'Kadınlar için Almanca kursu',
		summary: 'Sadece kadınlara yönelik, sakin bir ortamda ve çocuk bakımlı Almanca kursu.',
		description:
			'Burada kadınlar günlük hayat, doktor randevuları ve kreş ile okuldaki görüşmeler için birlikte Almanca öğrenir. Grup küçüktür, sorularınızı her zaman sorabilirsiniz. Kurs süresince küçük çocuklara bakılır.'
	},
	sprachcafe: {
		title: 'Dil kafe',
		summary: 'Çay ve kahve eşliğinde Almanca konuşun – kurs yok, not yok.',
		description:
			'Gönüllüler sizinle günlük konular hakkında sohbet eder. Rahat bir ortamda Almanca pratik yapar ve mahalleden insanlarla tanışırsınız. İstediğiniz zaman katılabilirsiniz.'
	},
	alphabetisierung: {
		title: 'Okuma yazma kursu: okumayı ve yazmayı öğrenmek',
		summary: 'Latin alfabesini öğrenmek ya da daha güvenle okuyup yazmak isteyen yetişkinler için.',
		description:
			'Harfleri, kelimeleri ve kısa metinleri küçük adımlarla ve kendi hızınızda çalışıyoruz. Kurs, ana dilinde farklı bir yazı öğrenmiş kişilere de uygundur. Ardından bir Almanca kursuna geçmek daha kolay olur.'
	},
	berufssprachkurs: {
		title: 'Mesleki Almanca kursu B2',
		summary: 'İş için Almanca: e-postalar, telefon görüşmeleri ve ekip içi konuşmalar.',
		description:
			'Kurs sizi iş yerinde kullanılan dile ve B2 sınavına hazırlar. İş görüşmelerini, mesleki metinleri ve iş hayatındaki zor durumları çalışıyoruz. Katılım için B1 seviyesinde Almanca gerekir.',
		costNote: 'Hak sahibi iş arayanlar ve çalışanlar için ücretsizdir.'
	},
	'herkunftssprache-russisch': {
		title: 'Çocuklar için Rusça: aile dilinde okuma ve yazma',
		summary: 'Evde Rusça konuşan çocuklar yazıyı öğrenir ve hikâyeler okur.',
		description:
			'İki dillilik bir hazinedir: Burada 6–12 yaş arası çocuklar Kiril alfabesini öğrenir, birlikte okur ve oyun oynar. Veliler her ayın sonunda bir görüşmeye davetlidir.',
		costNote: 'Aylık 10 €; talep üzerine indirim.'
	},
	kulturcafe: {
		title: 'Kültür kafe',
		summary: 'Dünyanın her yerinden ve mahalleden insanlar için açık bir buluşma yeri.',
		description:
			'Kültür kafede uzun süredir burada yaşayanlarla yeni gelenler sohbet eder. Kahve, çay ve çoğu zaman ev yapımı bir şeyler vardır; gönüllüler günlük hayatla ilgili sorulara yardımcı olur. Çocuklar da gelebilir.'
	},
	frauenfruehstueck: {
		title: 'Uluslararası kadın kahvaltısı',
		summary: 'Kadınlar birlikte kahvaltı yapar, sohbet eder ve yeni tanışıklıklar kurar.',
		description:
			'Herkes küçük bir şey getirir, kahve ve çay hazırdır. Çoğu zaman sağlık, okul ya da Kempten’de boş zaman gibi kısa bir konu vardır. Küçük çocuklar da gelebilir.'
	},
	naehtreff: {
		title: 'Dikiş buluşması: dikmek, sohbet etmek, Almanca pratik yapmak',
		summary: 'Birlikte dikiş dikip tamir ediyoruz – dikiş makineleri ve kumaş artıkları mevcut.',
		description:
			'İster yeni başlayan ister usta olun: Burada kıyafet tamir ediyor, çanta dikiyor ve birbirimize püf noktaları gösteriyoruz. Bu arada Almanca ve başka dillerde bolca sohbet ediliyor. Kendi kumaşlarınızı da getirebilirsiniz.'
	},
	kochtreff: {
		title: 'Kültürlerarası yemek buluşması',
		summary: 'Her ay başka biri memleketinden bir yemek pişirir – herkes birlikte yer.',
		description:
			'Birlikte alışveriş yapıyor, birçok ülkenin tariflerini pişiriyor ve beraber yiyoruz. Böylece yeni yemekler ve yeni insanlar tanırsınız. Her zaman vejetaryen yemekler de vardır.',
		costNote: 'Malzemeler için 3 € katkı payı.'
	},
	seniorentreff: {
		title: 'Uluslararası yaşlılar buluşması',
		summary: 'Birçok ülkeden yaşlı insanlar sohbet, oyun ve geziler için bir araya gelir.',
		description:
			'Oyun oynuyor, şarkı söylüyor, eski günleri anlatıyor ve bölgede küçük geziler planlıyoruz. Emeklilik, bakım ve sağlık konularındaki sorular için zaman zaman uzmanları davet ediyoruz. Yeni yüzler her zaman hoş gelir.'
	},
	gemeinschaftsgarten: {
		title: 'Kültürlerarası topluluk bahçesi',
		summary: 'Birlikte bahçe işleri yapmak, hasat etmek ve bahçede oturmak.',
		description:
			'Topluluk bahçesinde aileler ve bireyler kendi tarhlarına sahip olur ya da ortak alanlarda yardım eder. Kışın bir sonraki sezonu planlıyor ve kapalı mekânda buluşuyoruz. Alet ve tohum mevcuttur.'
	},
	migrationsberatung: {
		title: 'Yetişkinler için göç danışmanlığı',
		summary: 'Oturum, dil, iş, konut ve aile konularında ücretsiz danışmanlık.',
		description:
			'Göç danışmanlığı, 27 yaş ve üzerindeki göçmenlere Almanya’daki ilk yıllarında yardımcı olur. Resmî kurumlar, uyum kursu, diploma denkliği ve çocuk bakımıyla ilgili sorularınızı yanıtlar, sonraki adımlarda size eşlik ederiz. Danışmanlık gizlidir.',
		registrationNote:
			'Randevusuz açık görüşme saatleri; daha uzun görüşmeler için lütfen randevu alın.'
	},
	asylberatung: {
		title: 'İltica ve mülteci danışmanlığı',
		summary: 'İltica sürecinde ve sonrasında mültecilere danışmanlık.',
		description:
			'Resmî kurumlardan gelen yazıları açıklıyor, randevuları sizinle birlikte hazırlıyor ve başvurularda yardımcı oluyoruz. Gerekirse sizi avukatlara, doktorlara veya başka uzman birimlere yönlendiriyoruz. Çoğu zaman tercüman da ayarlayabiliyoruz.'
	},
	'jmd-beratung': {
		title: 'Genç göçmenler için danışmanlık (12–27 yaş)',
		summary:
			'Gençlik Göç Servisi okul, meslek eğitimi, üniversite ve günlük hayatla ilgili sorularda yardımcı olur.',
		description:
			'Gençlere ve ebeveynlerine danışmanlık veriyoruz; örneğin okul belgelerinin denkliği, uygun dil kursu ya da meslek eğitimi yeri arama konusunda. Tek başına ya da güvendiğin biriyle gelebilirsin.'
	},
	frauenberatung: {
		title: 'Kadınlar ve aileler için danışmanlık',
		summary:
			'Kadından kadına gizli danışmanlık – aile, çocuk eğitimi, okul ve resmî kurumlar hakkında.',
		description:
			'Danışmanlarımız sizi dinler ve zor durumlarda bile sizinle birlikte çözüm arar. Gerekirse resmî kurumlara size eşlik eder, uzman birimlere yönlendiririz. Danışmanlık ücretsiz ve gizlidir.'
	},
	'offene-sprechstunde': {
		title: 'Açık danışma saati: mektup ve formlarda yardım',
		summary: 'Bir mektubu anlamadınız mı ya da bir form mu doldurmanız gerekiyor? Uğrayın.',
		description:
			'Resmî kurumlardan, ev sahiplerinden ya da okuldan gelen yazıları birlikte okuyor ve ne yapılması gerektiğini açıklıyoruz. Başvuruları doldurmanıza yardım ediyor ve başka nereden destek alabileceğinizi gösteriyoruz. Belgelerinizi yanınızda getirmeniz yeterli.'
	},
	gesundheitslotsen: {
		title: 'Sağlık rehberleri: sağlık sisteminde yolunuzu bulun',
		summary: 'Aile hekimi nasıl bulunur, sağlık sigortası neyi öder, acil durumda nereye gidilir?',
		description:
			'Eğitimli rehberler Almanya’da muayenehanelerin, sağlık sigortasının ve eczanelerin nasıl işlediğini birçok dilde anlatır. Bir muayenehane bulmanıza ve randevuya hazırlanmanıza yardımcı olurlar.'
	},
	antidiskriminierungsberatung: {
		title: 'Ayrımcılık durumunda danışmanlık',
		summary:
			'Kökeniniz, dininiz, diliniz ya da görünüşünüz nedeniyle haksızlığa mı uğradınız? Sizi dinliyor ve danışmanlık veriyoruz.',
		description:
			'Ev ararken, iş yerinde ya da bir resmî dairede: Yaşadıklarınızı ciddiye alıyor ve neler yapabileceğinizi sizinle konuşuyoruz. İsterseniz size eşlik ediyor ya da uzman birimlere yönlendiriyoruz. Her şey gizli kalır.'
	},
	frauenschwimmen: {
		title: 'Kadınlara özel yüzme',
		summary: 'Sadece kadınlar için yüzme; kadın cankurtaranlar ve dışarıdan görünmeyen bir ortam.',
		description:
			'Bu saatlerde havuz yalnızca kadınlara ve 10 yaş ve üzeri kız çocuklarına açıktır, personelin tamamı kadındır. Yeni başlayanlar sığ havuzda çalışır, bir antrenör ipuçları verir. Dilediğiniz mayoyu giyebilirsiniz.',
		costNote: 'Giriş 2,50 €, indirimli 1,50 €.'
	},
	'fussball-fuer-alle': {
		title: 'Herkes için futbol',
		summary: 'Gençler ve genç yetişkinler için açık futbol antrenmanı – gel ve oyna.',
		description:
			'Nereden geldiğin ve ne kadar iyi oynadığın fark etmeksizin her hafta birlikte antrenman yapıyoruz. Spor ayakkabı yeterli, top ve yelekler bizde. İstersen daha sonra kulüpte de oynayabilirsin.'
	},
	'radfahren-frauen': {
		title: 'Kadınlar için bisiklet sürmeyi öğrenme',
		summary: 'Sıfırdan bisiklet sürmek – güvenli bir ortamda ve sadece kadınlar arasında.',
		description:
			'Kadın eğitmenler dengenizi nasıl koruyacağınızı, nasıl fren yapacağınızı ve trafikte nasıl güvenle süreceğinizi adım adım gösterir. Bisiklet ve kask sağlanır. Kışın spor salonunda çalışıyoruz.'
	},
	'gymnastik-frauen': {
		title: 'Kadınlar için jimnastik ve rahatlama',
		summary: 'Her yaştan kadın için hareket, esneme ve rahatlama.',
		description:
			'Hafif jimnastik yapıyor, sırt ve pelvik taban kaslarını güçlendiriyor ve sonunda birlikte gevşiyoruz. Spor deneyimine gerek yok. Lütfen rahat kıyafet ve bir havlu getirin.'
	},
	'schwimmkurs-kinder': {
		title: 'Çocuklar için yüzme kursu',
		summary: '5 yaş ve üzeri çocuklar küçük gruplar hâlinde yüzmeyi öğrenir.',
		description:
			'On derste çocuklar suda güvenle hareket etmeyi öğrenir ve sonunda “Seepferdchen” yüzme rozetini alabilir. Bu sırada ebeveynler lobide bekler. Eğitmenler birçok şeyi el hareketleriyle anlatır.',
		costNote:
			'On ders için 30 €; Eğitim ve Katılım Paketi (Bildungs- und Teilhabepaket) ile ücretsiz.',
		registrationNote: 'Yer sayısı sınırlıdır; lütfen çocuğunuzu kulübe kaydettirin.'
	},
	lauftreff: {
		title: 'Uluslararası koşu grubu',
		summary: 'Iller kıyısında birlikte koşu ya da yürüyüş – her tempoya uygun.',
		description:
			'Biri hızlı, biri rahat iki grup hâlinde koşuyor, ardından birlikte esneme yapıyoruz. Koşu grubu Almanca konuşmak ve insanlarla tanışmak için iyi bir fırsattır.'
	},
	elterncafe: {
		title: 'Veli kafe',
		summary: 'Veliler buluşur, deneyim paylaşır ve kreş ile okul hakkında ipuçları alır.',
		description:
			'Veli kafede çocuk eğitimi, ailede dil ve kreş ile okuldaki günlük hayat hakkında konuşuyoruz. Bazen aile danışmanlığından ya da okuldan konuklar gelir. Çocuklar oyun köşesinde oynar.'
	},
	hausaufgabenhilfe: {
		title: 'İlkokul çocukları için ödev yardımı',
		summary: 'Gönüllüler 1–4. sınıf çocuklarına ödevlerinde yardım eder.',
		description:
			'Okuldan sonra çocuklar ödevlerini destekle yapar, okuma ve matematik çalışır. Yardımcılar öğretmenlerle iletişim hâlindedir. Sonunda oyun için de zaman kalır.'
	},
	lernpatenschaften: {
		title: 'Öğrenme mentorluğu: gönüllüler öğrencilere eşlik ediyor',
		summary:
			'Bir gönüllü mentor, bütün bir öğretim yılı boyunca haftada bir kez bir çocukla ders çalışır.',
		description:
			'Desteğe ihtiyacı olan çocukları gönüllü öğrenme mentorlarıyla buluşturuyoruz. İkililer okuma, matematik ya da Almanca çalışmak için her hafta buluşur. Yeni mentorlar eğitim alır ve süreç boyunca desteklenir.'
	},
	krabbelgruppe: {
		title: 'Uluslararası bebek ve küçük çocuk grubu',
		summary: 'Bebekleri ve üç yaşına kadar küçük çocukları olan ebeveynler için.',
		description:
			'Küçükler oynar, şarkı söyler ve keşfeder, büyükler sohbet eder. Bir uzman uyku, beslenme ve dil gelişimiyle ilgili soruları yanıtlar. Dilediğiniz zaman uğrayın.'
	},
	vorlesestunde: {
		title: 'Çok dilli okuma saati',
		summary: '3–7 yaş arası çocuklar için Almanca ve başka bir dilde resimli kitap hikâyeleri.',
		description:
			'Her seferinde biri aynı hikâyeyi Almanca ve başka bir aile dilinde okur. Ardından hikâyeyle ilgili resim ya da el işi yaparız. Ebeveynler de içtenlikle davetlidir.'
	},
	jugendtreff: {
		title: 'Açık gençlik merkezi',
		summary: '12–18 yaş arası gençler için buluşma yeri: bilardo, müzik, sohbet ve destek.',
		description:
			'Gençlik merkezinde dinlenebilir, langırt oynayabilir, müzik yapabilir ve kendi fikirlerinizi hayata geçirebilirsiniz. Gençlik çalışanları iş başvurularında, sunumlarda ya da okul stresinde de yardımcı olur. Giriş ücretsiz, kayıt gerekmez.'
	},
	bewerbungstraining: {
		title: 'Başvuru eğitimi: özgeçmiş ve ön yazı',
		summary: 'Başvuru belgelerinizi birlikte hazırlıyor ve iş görüşmesi pratiği yapıyoruz.',
		description:
			'Siz belgelerinizi ve fikirlerinizi getirin; Alman usulü özgeçmiş, ön yazı ve çevrim içi başvurularda yardımcı olalım. Canlandırma yoluyla iş görüşmesinde sık sorulan soruları çalışıyoruz. Bilgisayar mevcuttur.'
	},
	'sprechstunde-arbeit': {
		title: 'İş ve meslek eğitimi danışma saati',
		summary:
			'İş arama, meslek eğitimi, ileri eğitim ve yardımlar hakkında sorular – doğrudan mahallenizde.',
		description:
			'Jobcenter çalışanları size yerinde danışmanlık verir, daireye gitmenize gerek kalmaz. Hangi desteklerin mümkün olduğunu açıklar, gerekirse ayrıntılı görüşme için randevu veririz. Varsa lütfen müşteri numaranızı getirin.'
	},
	computerkurs: {
		title: 'Yeni başlayanlar için bilgisayar kursu',
		summary: 'Fare, klavye, e-posta ve internet – küçük adımlarla anlatılıyor.',
		description:
			'Bilgisayar kullanmayı, dosya kaydetmeyi ve ekli e-posta göndermeyi öğrenirsiniz. Ayrıca çevrim içi randevuların ve resmî formların nasıl işlediğini gösteriyoruz. Sorulara yeterince zaman kalsın diye sadece sekiz kişilik yer var.',
		costNote: 'Kursun tamamı 15 €; talep üzerine indirim.'
	},
	anerkennungsberatung: {
		title: 'Yurt dışı diplomalarının denkliği hakkında danışmanlık',
		summary: 'Meslek diplomanızı hangi kurum inceler ve hangi belgelere ihtiyacınız var?',
		description:
			'Mesleğinizin Almanya’da denklik gerektirip gerektirmediğini ve hangi kurumun yetkili olduğunu birlikte inceliyoruz. Masrafları, tercümeleri ve olası uyum eğitimlerini açıklıyoruz. Lütfen diplomalarınızı getirin, fotokopi de olur.'
	},
	'berufsorientierung-frauen': {
		title: 'Kadınlar için mesleki yönlendirme',
		summary:
			'Bana hangi iş uygun? Almanya’da çalışma hayatına başlamak ya da geri dönmek isteyen kadınlar için bir kurs.',
		description:
			'Sekiz buluşmada güçlü yönlerinizi keşfeder, meslekleri ve yarı zamanlı çalışma modellerini tanır, Kempten’deki işletmeleri ziyaret edersiniz. Staj ya da dil kursu gibi sonraki adımları birlikte planlıyoruz. Çocuklar için bakım vardır.'
	},
	'austauschtreffen-rumaenisch': {
		title: 'Deneyim paylaşımı: Romanya kökenli eski sakinler ve yeni gelenler',
		summary: 'Romanya kökenli Kemptenliler, Romanya’dan yeni gelmiş insanlarla buluşuyor.',
		description:
			'Uzun süredir burada yaşayanlar işe, okula, konuta ve derneklere giden yolları bilir. Buluşmada eski sakinler deneyimlerini yeni gelenlere Rumence ve Almanca aktarır. Her buluşmanın iş sözleşmesi ya da sağlık sigortası gibi bir ana konusu vardır.'
	},
	'austauschtreffen-tuerkisch': {
		title: 'Türkiye’den yeni gelenler için deneyim paylaşımı buluşması',
		summary:
			'Kempten’de yeni misiniz? Uzun süredir burada yaşayan Türkiye kökenli insanlar deneyimlerini paylaşıyor.',
		description:
			'Çay ve kurabiye eşliğinde gönüllüler iş, meslek eğitimi, resmî kurumlar ve okulla ilgili soruları yanıtlıyor. Buluşmalar Türkçe ve Almanca yapılır. Tüm yeni gelenler ve aileleri davetlidir.'
	},
	'vortrag-qualifikation-frauen': {
		title: 'Kadınlar için konferans: kendi mesleki yeterliliğinizle iş hayatına',
		summary:
			'Diplomamın denkliğini nasıl alırım, hangi ileri eğitim bana yardımcı olur? Soru-cevap bölümlü bir konferans.',
		description:
			'Bir konuşmacı, Almanya’ya yeni gelen kadınlar için denklik, ileri eğitim ve iş hayatına giriş yollarını anlatıyor. Ardından danışmanlar sorularınızı yanıtlıyor, istenirse tercümeyle. Çocuk bakımı ayarlanmıştır.'
	},
	adventsfeier: {
		title: 'Kültürlerarası Advent kutlaması',
		summary: 'Birçok ülkeden şarkılar, hikâyeler ve tatlılar – bütün aile için bir öğleden sonra.',
		description:
			'Advent çelengindeki mumları yakıyor ve memleketlerimizde kışın nasıl kutlandığını anlatıyoruz. Sıcak punç, çay ve kurabiye var; siz de bir şey getirebilirsiniz. Çocuklar kâğıttan yıldızlar yapıyor.'
	},
	'interkulturelles-fest': {
		title: 'Mahallede kültürlerarası şenlik',
		summary: 'Dünyanın dört bir yanından müzik, dans ve yemekler – komşular birlikte kutluyor.',
		description:
			'Mahalleden dernekler ve gruplar kendilerini tanıtıyor, yemek pişiriyor ve müzik yapıyor. Çocuklar için bir program ve yakındaki hizmetler hakkında bir bilgi masası var. Giriş ücretsizdir.'
	},
	'infoabend-ehrenamt': {
		title: 'Bilgilendirme akşamı: uyum çalışmalarında gönüllülük',
		summary:
			'Dil mentorluğu, kültür kafeler, resmî dairelere eşlik: Böyle katkıda bulunabilirsiniz.',
		description:
			'Kempten’den kuruluşlar gönüllüler için görevleri tanıtıyor ve gönüllüleri nasıl yetiştirip desteklediklerini anlatıyor. Ne kadar zaman ayırmanız gerektiğini ve nerede eğitim olduğunu öğreniyorsunuz. Kendisi de göç deneyimi olan kişiler özellikle davetlidir.'
	},
	'elternabend-schule': {
		title: 'Veli akşamı: Bavyera’da okul sistemi nasıl işler?',
		summary: 'İlkokul, Mittelschule, Realschule, Gymnasium – çocuğuma hangisi uygun?',
		description:
			'Öğretmenler ve danışmanlar 4. sınıftan sonraki geçişi ve meslek eğitimine ve üniversiteye giden yolları anlatıyor. Sorular için zaman var, tercümanlar birçok dile çeviri yapıyor. Bu sırada çocuklara bakılabilir.'
	},
	fastenbrechen: {
		title: 'Ramazan’da herkese açık iftar',
		summary: 'Tüm komşular birlikte iftar yapmaya davetlidir.',
		description:
			'Güneş battıktan sonra birlikte yemek yiyoruz; isteyen bir şey getirir. Öncesinde ev sahipleri Ramazan’ın kendileri için ne ifade ettiğini anlatıyor. Her dinden insan ve hiçbir dine mensup olmayanlar davetlidir.'
	},
	nouruz: {
		title: 'Nevruz Bayramı: baharın gelişini kutlamak',
		summary: 'Müzik, Heft Sin sofrası ve yemeklerle Fars yeni yılı – herkes için.',
		description:
			'Baharın başlangıcında İran, Afganistan, Kürdistan ve daha birçok ülkeden insanlar yeni yılı kutluyor. Geleneksel Heft Sin sofrasını gösteriyor, müzik dinliyor ve birlikte yiyoruz. Herkes içtenlikle davetlidir.'
	},
	frauentag: {
		title: 'Dünya Kadınlar Günü: mahallenin kadınları',
		summary: 'Kadınlardan kadınlara sohbet, müzik ve hafif ikramlarla bir akşam.',
		description:
			'Farklı ülkelerden kadınlar Kempten’de onları nelerin meşgul ettiğini ve neler dilediklerini anlatıyor. Ardından sohbet ve müzik için zaman var. Etkinlik sadece kadınlara açıktır; çocuk bakımı sunulur.'
	},
	gesundheitsvortrag: {
		title: 'Sağlık sohbeti: çocuklar ve yetişkinler için koruyucu muayeneler',
		summary: 'Bir doktor koruyucu muayeneleri ve aşıları anlatıyor – tercümeli ve soru-cevaplı.',
		description:
			'Sağlık sigortası hangi muayeneleri öder, çocuklar için U muayeneleri ne zaman yapılır, hangi aşılar önerilir? Konferans bunları basit ve pratik bir şekilde açıklıyor. Tercümanlar birçok dile çeviri yapıyor.'
	},
	'workshop-vielfalt': {
		title: 'Atölye: dernekte çeşitlilik – ayrımcılığa karşı birlikte',
		summary: 'Herkese daha açık olmak isteyen dernekler, kreşler ve kurumlar için.',
		description:
			'Atölyede kurumunuzda kimlerin yer aldığına ve kimlerin eksik olduğuna bakıyoruz. Aşağılayıcı sözlere nasıl tepki verileceğini çalışıyor ve daha fazla açıklık için ilk adımları geliştiriyoruz. Katılım ücretsizdir.'
	},
	mitreden: {
		title: 'Kempten’de söz sahibi olun: siyasete nasıl katılabilirim?',
		summary: 'Uyum meclisi, vatandaş toplantıları, seçimler: şehirde söz hakkı üzerine bir akşam.',
		description:
			'Şehirde kararların nasıl alındığını ve Alman pasaportu olmadan da görüşlerinizi nerede dile getirebileceğinizi anlatıyoruz. Uyum meclisi üyeleri çalışmalarını anlatıyor. Ardından mahalleden gelen talepleri topluyoruz.'
	},
	stadtfuehrung: {
		title: 'Kempten’i keşfedin: yeni gelenler için şehir turu',
		summary:
			'Önemli yerlere bir yürüyüş: belediye, kütüphane, danışma merkezleri ve görülecek yerler.',
		description:
			'Şehir merkezinde bir tur boyunca resmî daireleri, şehir kütüphanesini ve danışma merkezlerini nerede bulacağınızı gösteriyoruz. Yol boyunca Kempten’in 2000 yılı aşkın tarihinden biraz bahsediyoruz. Lütfen havaya uygun giyinin.'
	},
	kinderfasching: {
		title: 'Uluslararası çocuk karnavalı',
		summary: 'Kostüm giymek, dans etmek, oynamak: 3–10 yaş arası çocuklar için karnaval partisi.',
		description:
			'Karnaval (Fasching), Allgäu’da kışın bir parçasıdır. Çocuklar kostümle gelir; oyunlar, müzik ve Krapfen denen tatlı çörekler var. Bu arada ebeveynler de karnavalın kreşte ve okulda nasıl kutlandığını öğrenir.'
	}
};
